using System.Globalization;
using System.Text.RegularExpressions;
using Saffu.Training.Home;

namespace Saffu.Training.Grammar;

/// <summary>Grammar text to a checked <see cref="CommandGrammar"/>: directives line by line, then list and slot checks.</summary>
sealed partial class GrammarReader
{
    readonly string path;
    readonly List<NamedColor> colors = new();
    readonly Dictionary<string, GrammarList> lists = new(StringComparer.Ordinal);
    readonly List<(string Intent, string Text, TemplateNode Root, int Line, int Column)> raw = new();
    string? intent;

    GrammarReader(string path) => this.path = path;

    public static CommandGrammar Read(string text, string path)
    {
        var reader = new GrammarReader(path);
        string[] lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++) reader.ReadLine(lines[n], n + 1);
        return reader.Finish();
    }

    void ReadLine(string line, int number)
    {
        int hash = line.IndexOf('#');
        string content = (hash >= 0 ? line[..hash] : line).TrimEnd();
        string trimmed = content.TrimStart();
        if (trimmed.Length == 0) return;
        int column = content.Length - trimmed.Length + 1;
        if (trimmed[0] != '@')
        {
            if (intent is null)
                throw Error(GrammarError.TemplateOutsideIntent, number, column, $"the template \"{trimmed}\" before any @intent line",
                    "an @intent line first");
            raw.Add((intent, trimmed, Expression(trimmed, number, column), number, column));
            return;
        }
        string directive = trimmed.Split(' ', 2)[0];
        switch (directive)
        {
            case "@intent": ReadIntent(trimmed, number, column); break;
            case "@list": ReadList(trimmed, number, column); break;
            case "@color": ReadColor(trimmed, number, column); break;
            default:
                throw Error(GrammarError.Syntax, number, column, $"the directive {directive}", "@intent, @list or @color");
        }
    }

    void ReadIntent(string line, int number, int column)
    {
        string name = line["@intent".Length..].Trim();
        if (!LightIntents.IsKnown(name))
            throw Error(GrammarError.UnknownIntent, number, column, $"the intent \"{name}\"", $"one of {string.Join(", ", LightIntents.All)}");
        intent = name;
    }

    void ReadList(string line, int number, int column)
    {
        Match m = ListLine().Match(line);
        if (!m.Success)
            throw Error(GrammarError.Syntax, number, column, $"\"{line}\"", "@list ID = EXPR or @list ID -> step=up|down = EXPR (ID of a-z, 0-9 and _, not starting with a digit)");
        string id = m.Groups["id"].Value;
        if (lists.ContainsKey(id) || CommandGrammar.BuiltInLists.Contains(id))
            throw Error(GrammarError.DuplicateList, number, column, $"a second list \"{id}\"",
                lists.TryGetValue(id, out var first) ? $"one definition (first at line {first.Line})" : "a name that is not built in");
        string? slot = m.Groups["slot"].Success ? m.Groups["slot"].Value : null;
        string? value = m.Groups["value"].Success ? m.Groups["value"].Value : null;
        if (slot is not null && (slot != LightSlots.Step || value is not (LightSlots.Up or LightSlots.Down)))
            throw Error(GrammarError.SlotNotAllowed, number, column, $"-> {slot}={value}", "-> step=up or -> step=down");
        Group body = m.Groups["body"];
        lists[id] = new GrammarList(id, Expression(body.Value, number, column + body.Index), slot, value, number);
    }

    void ReadColor(string line, int number, int column)
    {
        Match m = ColorLine().Match(line);
        if (!m.Success)
            throw Error(GrammarError.Syntax, number, column, $"\"{line}\"", "@color NAME = R G B with R, G, B in 0..255");
        string name = Phrase.Normalize(m.Groups["name"].Value, out string? problem)
            ?? throw Error(GrammarError.Syntax, number, column, $"the colour name \"{m.Groups["name"].Value}\" with {problem}", "1..8 words without numbers");
        if (colors.FirstOrDefault(c => c.Name == name) is { } first)
            throw Error(GrammarError.DuplicateList, number, column, $"a second colour \"{name}\"", $"one definition (first at line {first.Line})");
        colors.Add(new NamedColor(name, Level(m, "r"), Level(m, "g"), Level(m, "b"), number));
    }

    byte Level(Match m, string group) => byte.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    TemplateNode Expression(string text, int number, int column) =>
        TemplateParser.Parse(text, column, (col, found, expected) => Error(GrammarError.Syntax, number, col, found, expected));

    CommandGrammar Finish()
    {
        var grammar = new CommandGrammar(path, colors, lists, []);
        var checker = new GrammarChecker(grammar, this);
        foreach (GrammarList list in lists.Values) checker.CheckList(list);
        var templates = raw.Select((t, index) => new Template(index, t.Intent, t.Text, t.Root, t.Line,
            checker.CheckTemplate(t.Intent, t.Root, t.Line, t.Column))).ToList();
        foreach (string lightIntent in LightIntents.Lights)
            if (!templates.Any(t => t.Intent == lightIntent))
                throw Error(GrammarError.MissingIntent, 0, 0, $"no templates for {lightIntent}", "at least one template for each light intent");
        if (templates.Any(t => t.Slots.Contains(LightSlots.Color)) && colors.Count == 0)
            throw Error(GrammarError.UnknownList, templates.First(t => t.Slots.Contains(LightSlots.Color)).Line, 0,
                "{color} with no @color lines", "at least one @color NAME = R G B");
        return new CommandGrammar(path, colors, lists, templates);
    }

    internal GrammarException Error(GrammarError error, int line, int column, string found, string expected) =>
        new(error, path, line, column, found, expected);

    [GeneratedRegex(@"^@list\s+(?<id>[a-z_][a-z0-9_]*)\s*(->\s*(?<slot>[a-z_]+)\s*=\s*(?<value>[a-z_]+)\s*)?=(?<body>.*)$")]
    private static partial Regex ListLine();

    [GeneratedRegex(@"^@color\s+(?<name>[^=]+?)\s*=\s*(?<r>25[0-5]|2[0-4]\d|1?\d?\d)\s+(?<g>25[0-5]|2[0-4]\d|1?\d?\d)\s+(?<b>25[0-5]|2[0-4]\d|1?\d?\d)\s*$")]
    private static partial Regex ColorLine();
}
