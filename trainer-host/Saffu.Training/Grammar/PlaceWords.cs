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

    /// <summary>
    /// The grammar lists of target words and their kinds in the action map's lead table (docs/action-map.md step 2; matched
    /// anywhere, never a lead): 4 light noun, 5 every-light word. Action map only: the trainer's vocabulary
    /// does not take them, so a word the model lacks is left out.
    /// </summary>
    public static readonly IReadOnlyList<(string List, int Kind)> WordLists = [("light_noun", 4), ("every_light", 5)];

    /// <summary>
    /// The grammar list of statement leads, kind 6 (docs/action-map.md step 0: "i bought", "my mum": a remark, never a
    /// request). Action map only, like the target words: the trainer's vocabulary does not take them.
    /// </summary>
    public static readonly IReadOnlyList<(string List, int Kind)> StatementLists = [("lead_statement", 6)];

    /// <summary>
    /// The grammar lists of cancellations, kind 7 ("no wait", "scratch that": they cancel anywhere from the lead on), of
    /// light verbs, kind 8 ("turn", "switch": a negation right before the first one cancels), of remark verbs, kind 9
    /// ("were", "makes": right after a light or room said first, a remark), docs/action-map.md step 0, and of exclusions,
    /// kind 10 ("except", "but not": the span after one is excepted from the targets, step 2), and of subjects, kind 11 ("i",
    /// "we": as the lead, with a word the model lacks right after, a remark; step 0), and of colour nouns, kind 12 ("colour",
    /// "colors": on, off or toggle becomes set; step 1, action map version 7), and of determiners, kind 13 ("the", "my": before
    /// an area noun that is no area on its own, they name no unknown room; step 2, version 7), and of other subjects, kind 14
    /// ("she", "someone": as the lead, with a remark verb, an unknown verb or a past tense after, a remark; step 0), and of
    /// dark phrases, kind 15 ("go dark", "dark" after a light or area noun a light verb precedes: on becomes off; step 1),
    /// and of relative markers, kind 16 ("by" right before the value of a set that says a step direction: a relative
    /// change; step 3, action map layout 8).
    /// Action map only, like the statement leads: the trainer's vocabulary does not take them.
    /// </summary>
    public static readonly IReadOnlyList<(string List, int Kind)> CancelLists =
        [("lead_cancel", 7), ("light_verb", 8), ("remark_verb", 9), ("exclusion", 10), ("statement_subject", 11), ("colour_noun", 12), ("determiner", 13), ("other_subject", 14), ("dark_state", 15), ("relative_marker", 16)];

    /// <summary>The prefix of the grammar lists of another device's nouns: `device_climate` for the intent other:climate.</summary>
    public const string DevicePrefix = "device_";

    /// <summary>The lead phrases of the grammar with their kinds, in list order, each phrase once per kind.</summary>
    public static IReadOnlyList<(string Phrase, int Kind)> Leads(CommandGrammar grammar) => Kinds(grammar, LeadLists);

    /// <summary>
    /// The lead phrases, then the target words (<see cref="WordLists"/>), the statement leads, the cancellations and the
    /// light verbs (<see cref="CancelLists"/>), each phrase once per kind ("never mind" is a negation lead and a
    /// cancellation; "dim" an every-light word and a light verb).
    /// </summary>
    public static IReadOnlyList<(string Phrase, int Kind)> LeadsAndWords(CommandGrammar grammar) =>
        Kinds(grammar, [.. LeadLists, .. WordLists, .. StatementLists, .. CancelLists]);

    /// <summary>
    /// Another device's nouns with their domains (lists `device_DOMAIN`, in <see cref="LightIntents.Domains"/> order), each
    /// phrase once (its first list wins), without those that share a word with an area's name or alias of this home or are
    /// a light's name or alias ("tv light" stays a light; "tv" stays a device).
    /// </summary>
    public static IReadOnlyList<(string Phrase, string Domain)> Devices(HomeDescription home, CommandGrammar grammar)
    {
        var tokens = new SentenceTokens();
        var areaWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in home.Areas.SelectMany(a => a.AllNames))
            areaWords.UnionWith(tokens.Tokenize(name)?.Select(t => t.Word) ?? []);
        var lightNames = new HashSet<string>(home.Lights.SelectMany(l => l.AllNames), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var devices = new List<(string, string)>();
        foreach (string domain in LightIntents.Domains)
        {
            if (!grammar.Lists.TryGetValue(DevicePrefix + domain, out GrammarList? list)) continue;
            foreach (string phrase in ListExpansion.Phrases(list.Root, grammar))
            {
                if (!seen.Add(phrase) || lightNames.Contains(phrase)) continue;
                if (tokens.Tokenize(phrase) is not { Length: > 0 } words || words.Any(w => areaWords.Contains(w.Word))) continue;
                devices.Add((phrase, domain));
            }
        }
        return devices;
    }

    private static IReadOnlyList<(string Phrase, int Kind)> Kinds(CommandGrammar grammar, IReadOnlyList<(string List, int Kind)> lists)
    {
        var seen = new HashSet<(string, int)>();
        var leads = new List<(string, int)>();
        foreach (var (id, kind) in lists)
        {
            if (!grammar.Lists.TryGetValue(id, out GrammarList? list)) continue;
            foreach (string phrase in ListExpansion.Phrases(list.Root, grammar))
                if (seen.Add((phrase, kind))) leads.Add((phrase, kind));
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
