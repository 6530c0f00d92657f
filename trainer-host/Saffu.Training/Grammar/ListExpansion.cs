using Saffu.Training.Home;

namespace Saffu.Training.Grammar;

/// <summary>Every phrase a slot-free expression can say (for the phrases of slot-carrying lists).</summary>
static class ListExpansion
{
    const int MaxPhrases = 10_000;

    public static IReadOnlyList<string> Phrases(TemplateNode root, CommandGrammar grammar)
    {
        var result = new List<string>();
        foreach (var words in Words(root, grammar).Take(MaxPhrases))
            if (Phrase.Normalize(string.Join(' ', words), out _) is { } phrase && !result.Contains(phrase)) result.Add(phrase);
        return result;
    }

    static IEnumerable<IReadOnlyList<string>> Words(TemplateNode node, CommandGrammar grammar) => node switch
    {
        WordNode w => [[w.Word]],
        ChoiceNode c => c.Alternatives.SelectMany(a => Words(a, grammar)),
        SequenceNode s => s.Items.Aggregate((IEnumerable<IReadOnlyList<string>>)[[]],
            (prefixes, item) => prefixes.SelectMany(p => Words(item, grammar).Select(w => (IReadOnlyList<string>)[.. p, .. w]))),
        ListNode l when grammar.Lists.TryGetValue(l.Id, out GrammarList? list) => Words(list.Root, grammar),
        _ => [],
    };
}
