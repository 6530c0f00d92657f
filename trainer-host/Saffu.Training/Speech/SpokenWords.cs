using System.Text;

namespace Saffu.Training.Speech;

/// <summary>
/// Transcript text as a recogniser says it (docs/voice.md §1): lower-case words of letters with inner apostrophes,
/// digit runs spelled as English number words ("40" → "forty", "125" → "one hundred twenty five"), `%` as
/// "percent". Everything else separates words, as in the tokenizer (docs/tokenizer.md), so the words read back
/// through the tokenizer give the same tokens (number words become the same `&lt;num&gt;`).
/// </summary>
public static class SpokenWords
{
    static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>The number words the tokenizer reads as `&lt;num&gt;` (rule 5): units, teens, tens, hundred.</summary>
    public static IReadOnlyList<string> NumberWords { get; } = [.. Small, .. Tens.Where(t => t.Length > 0), "hundred"];

    public static List<string> Of(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = char.ToLowerInvariant(text[i]);
            if (char.IsAsciiDigit(c))
            {
                Flush(word, words);
                int start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                words.AddRange(Say(text[start..i]));
                continue;
            }
            if (char.IsLetter(c)) word.Append(c);
            else if ((c == '\'' || c == '\u2019') && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])) word.Append('\'');
            else
            {
                Flush(word, words);
                if (c == '%') words.Add("percent");
            }
            i++;
        }
        Flush(word, words);
        return words;
    }

    /// <summary>A digit run in words; leading zeros dropped, more than 9 significant digits said digit by digit.</summary>
    public static IEnumerable<string> Say(string digits)
    {
        string d = digits.TrimStart('0');
        if (d.Length == 0) return ["zero"];
        if (d.Length > 9) return d.Select(ch => Small[ch - '0']);
        long n = long.Parse(d, System.Globalization.CultureInfo.InvariantCulture);
        var words = new List<string>();
        foreach (var (unit, name) in new[] { (1_000_000L, "million"), (1_000L, "thousand") })
        {
            if (n < unit) continue;
            words.AddRange(UpTo999((int)(n / unit)));
            words.Add(name);
            n %= unit;
        }
        if (n > 0) words.AddRange(UpTo999((int)n));
        return words;
    }

    static IEnumerable<string> UpTo999(int n)
    {
        if (n >= 100) { yield return Small[n / 100]; yield return "hundred"; n %= 100; }
        if (n == 0) yield break;
        if (n < 20) { yield return Small[n]; yield break; }
        yield return Tens[n / 10];
        if (n % 10 > 0) yield return Small[n % 10];
    }

    static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length == 0) return;
        words.Add(word.ToString());
        word.Clear();
    }
}
