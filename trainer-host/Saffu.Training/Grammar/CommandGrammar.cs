using System.Text;

namespace Saffu.Training.Grammar;

/// <summary>A colour the `{color}` list offers, with the RGB levels the action map uses (0..255 each).</summary>
public sealed record NamedColor(string Name, byte Red, byte Green, byte Blue, int Line);

/// <summary>An `@list`: a named expression; when <see cref="Slot"/> is set, the words chosen from it carry that slot with <see cref="Value"/>.</summary>
public sealed record GrammarList(string Id, TemplateNode Root, string? Slot, string? Value, int Line);

/// <summary>One template line, labelled with the intent of its section.</summary>
/// <param name="Index">0-based position among all templates of the grammar.</param>
/// <param name="Text">The template as written (trimmed, without comment).</param>
/// <param name="Slots">Slots some path through the template fills, in <see cref="LightSlots.All"/> order.</param>
public sealed record Template(int Index, string Intent, string Text, TemplateNode Root, int Line, IReadOnlyList<string> Slots)
{
    /// <summary>The group a template is held out within: intent and slot signature.</summary>
    public string Group => Intent + " " + string.Join(",", Slots);
}

/// <summary>A parsed, checked command grammar (docs/grammar.md §2).</summary>
public sealed class CommandGrammar
{
    /// <summary>Lists filled from the home description and the grammar's colours.</summary>
    public static readonly IReadOnlyList<string> BuiltInLists = [LightSlots.Name, LightSlots.Area, LightSlots.Color, LightSlots.Brightness];

    /// <summary>How the shipped grammar is named in sentence sources and messages.</summary>
    public const string ShippedPath = "models/lights/grammar.txt";

    static readonly Lazy<CommandGrammar> shipped = new(() => Parse(ShippedFiles.Read(ShippedFiles.Grammar), ShippedPath));

    internal CommandGrammar(string path, IReadOnlyList<NamedColor> colors, IReadOnlyDictionary<string, GrammarList> lists,
        IReadOnlyList<Template> templates)
    {
        Path = path;
        Colors = colors;
        Lists = lists;
        Templates = templates;
    }

    public string Path { get; }
    public IReadOnlyList<NamedColor> Colors { get; }
    public IReadOnlyDictionary<string, GrammarList> Lists { get; }
    public IReadOnlyList<Template> Templates { get; }

    /// <summary>The grammar built into the tool (models/lights/grammar.txt).</summary>
    public static CommandGrammar Shipped => shipped.Value;

    public static CommandGrammar Parse(string text, string path) => GrammarReader.Read(text, path);

    public static CommandGrammar Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new GrammarException(GrammarError.Unreadable, path, 0, 0, $"a file that cannot be read ({e.Message})",
                "a UTF-8 grammar file", e);
        }
        return Parse(text, path);
    }

    /// <summary>Every phrase a slot-carrying list can say, with the slot and value it carries (e.g. "dim" → step down).</summary>
    public IEnumerable<(string Slot, string Phrase, string Value)> FixedSlotPhrases()
    {
        foreach (GrammarList list in Lists.Values.OrderBy(l => l.Line))
        {
            if (list.Slot is null) continue;
            foreach (string phrase in ListExpansion.Phrases(list.Root, this)) yield return (list.Slot, phrase, list.Value!);
        }
    }
}
