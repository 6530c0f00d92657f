using Saffu.Training.Home;

namespace Saffu.Training.Grammar;

/// <summary>
/// The anchor words of a home's lights model (docs/grammar.md §5): a sentence is understood only if it says at least one
/// (docs/saffu-model.md §3). They are the words of the grammar's `anchor` list (light, lamp, dim, …), of every light
/// name and alias, area name and alias and colour name. Not the number token: numbers are as common in alarms and sums,
/// and a light command with a number says a light word too ("dim the lights to 20").
/// </summary>
public static class AnchorWords
{
    /// <summary>The grammar list whose words are anchors.</summary>
    public const string ListId = "anchor";

    /// <summary>The runtime tokens of every anchor phrase, ordinal order.</summary>
    public static IReadOnlyList<string> For(HomeDescription home, CommandGrammar grammar)
    {
        var phrases = new List<string>();
        if (grammar.Lists.TryGetValue(ListId, out GrammarList? list)) phrases.AddRange(ListExpansion.Phrases(list.Root, grammar));
        phrases.AddRange(home.Lights.SelectMany(l => l.AllNames));
        phrases.AddRange(home.Areas.SelectMany(a => a.AllNames));
        phrases.AddRange(grammar.Colors.Select(c => c.Name));
        var tokens = new SentenceTokens();
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string phrase in phrases) words.UnionWith(tokens.Tokenize(phrase)?.Select(t => t.Word) ?? []);
        return words.ToList();
    }
}
