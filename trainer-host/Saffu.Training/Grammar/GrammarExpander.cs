using Saffu.Training.Home;

namespace Saffu.Training.Grammar;

/// <summary>
/// Expands templates over one home's lights, areas and the grammar's colours (docs/grammar.md §3):
/// counts a template's sentences exactly per binding, enumerates small templates whole and samples
/// large ones with stratified bindings and a seeded generator.
/// </summary>
public sealed class GrammarExpander
{
    /// <summary>Brightness bindings: 0..100, as digits or as words.</summary>
    const int BrightnessForms = 101 * 2;
    /// <summary>Draws per wanted sentence before a sampled template gives up finding new ones.</summary>
    const int DrawsPerSentence = 8;

    readonly CommandGrammar grammar;
    readonly HomeDescription home;
    readonly SentenceBuilder builder;

    public GrammarExpander(CommandGrammar grammar, HomeDescription home)
    {
        this.grammar = grammar;
        this.home = home;
        builder = new SentenceBuilder(grammar.Path);
    }

    /// <summary>How many sentences the template can say in this home (an upper bound on distinct ones; saturates at 2^62).</summary>
    public long Count(Template template)
    {
        long total = 0;
        foreach (Binding b in BaseBindings(template)) total = Saturating.Add(total, Count(template.Root, b));
        if (template.Slots.Contains(LightSlots.Color)) total = Saturating.Multiply(total, grammar.Colors.Count);
        if (template.Slots.Contains(LightSlots.Brightness)) total = Saturating.Multiply(total, BrightnessForms);
        return total;
    }

    /// <summary>
    /// Up to <paramref name="quota"/> distinct sentences (by tokens) of the template: all of them when it has
    /// no more than that, else a seeded sample. Same inputs, same sentences in the same order.
    /// </summary>
    public IReadOnlyList<(LabelledSentence Sentence, string Key)> Expand(Template template, int quota, int seed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(LabelledSentence, string)>();
        var candidates = Count(template) <= quota ? Enumerate(template) : Sample(template, quota, SeededRandom.For(seed, Stream(template)));
        foreach (List<Piece> pieces in candidates)
        {
            var built = builder.Build(pieces, template);
            if (seen.Add(built.Key)) result.Add(built);
            if (result.Count == quota) break;
        }
        return result;
    }

    IEnumerable<Binding> BaseBindings(Template template)
    {
        if (template.Slots.Contains(LightSlots.Name))
            return home.Lights.Select(l => new Binding(l, home.AreaOf(l), null, 0, false));
        if (template.Slots.Contains(LightSlots.Area))
            return home.Areas.Select(a => new Binding(null, a, null, 0, false));
        return [new Binding(null, null, null, 0, false)];
    }

    IEnumerable<List<Piece>> Enumerate(Template template)
    {
        bool color = template.Slots.Contains(LightSlots.Color), brightness = template.Slots.Contains(LightSlots.Brightness);
        IEnumerable<NamedColor?> colors = color ? grammar.Colors.Cast<NamedColor?>() : [null];
        foreach (Binding b0 in BaseBindings(template))
            foreach (NamedColor? c in colors)
                for (int form = 0; form < (brightness ? BrightnessForms : 1); form++)
                {
                    Binding b = b0 with { Color = c, Brightness = form / 2, BrightnessInWords = form % 2 == 1 };
                    foreach (List<Piece> pieces in Enumerate(template.Root, b)) yield return pieces;
                }
    }

    /// <summary>
    /// The template's random stream: a hash of its intent and text, not its position, so that a template added or removed
    /// elsewhere in the grammar leaves every other template's sample as it was (docs/grammar.md §3).
    /// </summary>
    static int Stream(Template template) => (int)StableHash.Fnv1a(template.Intent + "\n" + template.Text);

    IEnumerable<List<Piece>> Sample(Template template, int quota, SeededRandom random)
    {
        var bases = BaseBindings(template).ToList();
        int[] baseOrder = random.Permutation(bases.Count), colorOrder = random.Permutation(grammar.Colors.Count);
        for (int k = 0; k < quota * DrawsPerSentence; k++)
        {
            (int value, bool words) = DrawBrightness(random);
            Binding b = bases[baseOrder[k % bases.Count]] with
            {
                Color = grammar.Colors.Count == 0 ? null : grammar.Colors[colorOrder[k % grammar.Colors.Count]],
                Brightness = value,
                BrightnessInWords = words,
            };
            var pieces = new List<Piece>();
            Sample(template.Root, b, random, pieces);
            yield return pieces;
        }
    }

    /// <summary>A multiple of 10 (½), of 5 (¼) or any 0..100 (¼); digits or words (½ each).</summary>
    static (int Value, bool Words) DrawBrightness(SeededRandom random)
    {
        int value = random.Next(4) switch
        {
            0 or 1 => 10 * (1 + random.Next(10)),
            2 => 5 * (1 + random.Next(20)),
            _ => random.Next(101),
        };
        return (value, random.Next(2) == 1);
    }

    long Count(TemplateNode node, Binding b) => node switch
    {
        WordNode => 1,
        SequenceNode s => s.Items.Aggregate(1L, (n, item) => Saturating.Multiply(n, Count(item, b))),
        ChoiceNode c => c.Alternatives.Aggregate(0L, (n, item) => Saturating.Add(n, Count(item, b))),
        ListNode { Id: LightSlots.Name } => b.Light!.AllNames.Count(),
        ListNode { Id: LightSlots.Area } => b.Area!.AllNames.Count(),
        ListNode { Id: LightSlots.Color or LightSlots.Brightness } => 1,
        ListNode l => Count(grammar.Lists[l.Id].Root, b),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    IEnumerable<List<Piece>> Enumerate(TemplateNode node, Binding b)
    {
        switch (node)
        {
            case WordNode w:
                return [[new Piece(w.Word)]];
            case SequenceNode s:
                return s.Items.Aggregate((IEnumerable<List<Piece>>)[[]],
                    (prefixes, item) => prefixes.SelectMany(p => Enumerate(item, b).Select(rest => (List<Piece>)[.. p, .. rest])));
            case ChoiceNode c:
                return c.Alternatives.SelectMany(a => Enumerate(a, b));
            case ListNode l when grammar.Lists.TryGetValue(l.Id, out GrammarList? list):
                var inner = Enumerate(list.Root, b);
                return list.Slot is null ? inner : inner.Select(p => (List<Piece>)[Join(p, list)]);
            case ListNode l:
                return BuiltIn(l.Id, b).Select(p => (List<Piece>)[p]);
            default:
                throw new InvalidOperationException(node.GetType().Name);
        }
    }

    void Sample(TemplateNode node, Binding b, SeededRandom random, List<Piece> output)
    {
        switch (node)
        {
            case WordNode w: output.Add(new Piece(w.Word)); break;
            case SequenceNode s: foreach (var item in s.Items) Sample(item, b, random, output); break;
            case ChoiceNode c: Sample(c.Alternatives[random.Next(c.Alternatives.Count)], b, random, output); break;
            case ListNode l when grammar.Lists.TryGetValue(l.Id, out GrammarList? list):
                if (list.Slot is null) { Sample(list.Root, b, random, output); break; }
                var words = new List<Piece>();
                Sample(list.Root, b, random, words);
                output.Add(Join(words, list));
                break;
            case ListNode l:
                var options = BuiltIn(l.Id, b);
                output.Add(options[random.Next(options.Count)]);
                break;
        }
    }

    IReadOnlyList<Piece> BuiltIn(string id, Binding b) => id switch
    {
        LightSlots.Name => b.Light!.AllNames.Select(n => new Piece(n, LightSlots.Name, b.Light.Name)).ToList(),
        LightSlots.Area => b.Area!.AllNames.Select(n => new Piece(n, LightSlots.Area, b.Area.Name)).ToList(),
        LightSlots.Color => [new Piece(b.Color!.Name, LightSlots.Color, b.Color.Name)],
        LightSlots.Brightness => [new Piece(b.BrightnessText, LightSlots.Brightness, b.Brightness.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        _ => throw new InvalidOperationException(id),
    };

    static Piece Join(List<Piece> words, GrammarList list) =>
        new(string.Join(' ', words.Where(w => w.Text.Length > 0).Select(w => w.Text)), list.Slot, list.Value);
}

/// <summary>Counting that saturates at 2^62 instead of overflowing.</summary>
static class Saturating
{
    public const long Max = 1L << 62;

    public static long Add(long a, long b) => Math.Min(Max, a + b);

    public static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > Max / b ? Max : Math.Min(Max, a * b);
}
