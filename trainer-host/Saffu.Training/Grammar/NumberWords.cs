namespace Saffu.Training.Grammar;

/// <summary>0..100 in English number words, as the tokenizer reads them back into one `&lt;num&gt;` (docs/tokenizer.md rule 5).</summary>
public static class NumberWords
{
    static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static string Say(int value) => value switch
    {
        < 0 or > 100 => throw new ArgumentOutOfRangeException(nameof(value), value, "0..100"),
        100 => "one hundred",
        < 20 => Small[value],
        _ when value % 10 == 0 => Tens[value / 10],
        _ => Tens[value / 10] + " " + Small[value % 10],
    };
}
