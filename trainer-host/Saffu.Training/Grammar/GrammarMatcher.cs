using Saffu.Training.Home;

namespace Saffu.Training.Grammar;

/// <summary>
/// Which templates could have said a sentence (same tokens), for one home: built-in lists match any light,
/// area or colour phrase and any number. Used to check that a held-out set is phrased outside the grammar,
/// and to report how much of an evaluation set the grammar covers.
/// </summary>
public sealed class GrammarMatcher
{
    readonly CommandGrammar grammar;
    readonly SentenceTokens tokenizer = new();
    readonly Dictionary<string, SentenceToken[]> wordTokens = new(StringComparer.Ordinal);
    readonly Dictionary<string, SentenceToken[][]> builtIn;

    public GrammarMatcher(CommandGrammar grammar, HomeDescription home)
    {
        this.grammar = grammar;
        builtIn = new(StringComparer.Ordinal)
        {
            [LightSlots.Name] = home.Lights.SelectMany(l => l.AllNames).Select(Tokens).ToArray(),
            [LightSlots.Area] = home.Areas.SelectMany(a => a.AllNames).Select(Tokens).ToArray(),
            [LightSlots.Color] = grammar.Colors.Select(c => Tokens(c.Name)).ToArray(),
        };
    }

    /// <summary>The templates whose sentences include one with exactly the tokens of <paramref name="text"/>.</summary>
    public IReadOnlyList<Template> TemplatesSaying(string text)
    {
        SentenceToken[] tokens = tokenizer.Tokenize(text) ?? [];
        return grammar.Templates.Where(t => Ends(t.Root, [0], tokens).Contains(tokens.Length)).ToList();
    }

    /// <summary>Positions where the node can end when it starts at one of <paramref name="starts"/>.</summary>
    HashSet<int> Ends(TemplateNode node, HashSet<int> starts, SentenceToken[] tokens)
    {
        if (starts.Count == 0) return starts;
        switch (node)
        {
            case WordNode w: return Follow(starts, [Tokens(w.Word)], tokens);
            case SequenceNode s: return s.Items.Aggregate(starts, (at, item) => Ends(item, at, tokens));
            case ChoiceNode c: return c.Alternatives.SelectMany(a => Ends(a, starts, tokens)).ToHashSet();
            case ListNode { Id: LightSlots.Brightness }:
                return starts.Where(i => i < tokens.Length && tokens[i].Value is >= 0 and <= 100).Select(i => i + 1).ToHashSet();
            case ListNode l when builtIn.TryGetValue(l.Id, out var phrases): return Follow(starts, phrases, tokens);
            case ListNode l: return Ends(grammar.Lists[l.Id].Root, starts, tokens);
            default: throw new InvalidOperationException(node.GetType().Name);
        }
    }

    static HashSet<int> Follow(HashSet<int> starts, SentenceToken[][] phrases, SentenceToken[] tokens)
    {
        var ends = new HashSet<int>();
        foreach (int i in starts)
            foreach (SentenceToken[] p in phrases)
                if (i + p.Length <= tokens.Length && tokens.AsSpan(i, p.Length).SequenceEqual(p)) ends.Add(i + p.Length);
        return ends;
    }

    SentenceToken[] Tokens(string words)
    {
        if (!wordTokens.TryGetValue(words, out SentenceToken[]? t)) wordTokens[words] = t = tokenizer.Tokenize(words) ?? [];
        return t;
    }
}
