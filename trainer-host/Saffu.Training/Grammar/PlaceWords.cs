using Saffu.Training.Home;

namespace Saffu.Training.Grammar;

/// <summary>
/// The place phrases of a home's action map (docs/action-map.md step 2, "Unknown places"): the phrases of the grammar's
/// `place` list (rooms and places a home may have: garage, bathroom, dining room, …) that share no word with a light's or
/// area's name or alias of this home. Said with no light or area of the home, they make the planner refuse the command
/// (unknown_name / unknown_area) instead of switching every light.
/// </summary>
public static class PlaceWords
{
    /// <summary>The grammar list of place phrases.</summary>
    public const string ListId = "place";

    /// <summary>The grammar lists of lead phrases and their kinds (docs/action-map.md step 0): 1 filler, 2 question, 3 negation.</summary>
    public static readonly IReadOnlyList<(string List, int Kind)> LeadLists = [("lead_filler", 1), ("lead_question", 2), ("lead_negation", 3)];

    /// <summary>The lead phrases of the grammar with their kinds, in list order, each phrase once (its first list wins).</summary>
    public static IReadOnlyList<(string Phrase, int Kind)> Leads(CommandGrammar grammar)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var leads = new List<(string, int)>();
        foreach (var (id, kind) in LeadLists)
        {
            if (!grammar.Lists.TryGetValue(id, out GrammarList? list)) continue;
            foreach (string phrase in ListExpansion.Phrases(list.Root, grammar))
                if (seen.Add(phrase)) leads.Add((phrase, kind));
        }
        return leads;
    }

    /// <summary>The place phrases in list order, each once, without those that share a word with the home's names.</summary>
    public static IReadOnlyList<string> For(HomeDescription home, CommandGrammar grammar)
    {
        if (!grammar.Lists.TryGetValue(ListId, out GrammarList? list)) return [];
        var tokens = new SentenceTokens();
        var homeWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in home.Lights.SelectMany(l => l.AllNames).Concat(home.Areas.SelectMany(a => a.AllNames)))
            homeWords.UnionWith(tokens.Tokenize(name)?.Select(t => t.Word) ?? []);
        return ListExpansion.Phrases(list.Root, grammar).Distinct(StringComparer.Ordinal)
            .Where(p => tokens.Tokenize(p) is { Length: > 0 } words && !words.Any(w => homeWords.Contains(w.Word))).ToList();
    }
}
