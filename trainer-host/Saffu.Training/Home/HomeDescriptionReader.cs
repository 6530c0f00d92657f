using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Saffu.Training.Home;

/// <summary>
/// YAML (representation model, so every node has a line) to a validated <see cref="HomeDescription"/>.
/// Shape and types first, light by light; then names, areas, pins and the PWM budget (docs/home.md).
/// </summary>
sealed class HomeDescriptionReader
{
    static readonly string[] TopKeys = ["version", "lights", "areas"];
    static readonly string[] LightKeys = ["name", "aliases", "area", "pin", "dimmable", "color"];
    static readonly string[] AreaKeys = ["name", "aliases"];
    static readonly string[] ColorKeys = ["red", "green", "blue"];

    readonly string path;
    readonly Dictionary<string, (string Owner, int Line)> names = new(StringComparer.Ordinal);

    HomeDescriptionReader(string path) => this.path = path;

    public static HomeDescription Read(string text, string path)
    {
        if (text.Length > HomeDescription.MaxFileBytes)
            throw new HomeDescriptionException(HomeError.FileTooLarge, path, 0, 0, $"{text.Length} characters",
                $"at most {HomeDescription.MaxFileBytes} bytes");
        return new HomeDescriptionReader(path).ReadRoot(Load(text, path)) with { Text = text };
    }

    static YamlMappingNode Load(string text, string path)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new HomeDescriptionException(HomeError.BadYaml, path, (int)e.Start.Line, (int)e.Start.Column,
                $"YAML that does not parse ({Inner(e)})", "one YAML document (docs/home.md)", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new HomeDescriptionException(HomeError.BadYaml, path, (int)parser.LastGood.Line, (int)parser.LastGood.Column,
                "YAML that does not parse after this point", "one YAML document (docs/home.md)", e);
        }
        if (stream.Documents.Count == 0)
            throw new HomeDescriptionException(HomeError.MissingField, path, 0, 0, "an empty file", "a mapping with `version` and `lights`");
        if (stream.Documents.Count > 1)
        {
            Mark second = stream.Documents[1].RootNode.Start;
            throw new HomeDescriptionException(HomeError.BadYaml, path, (int)second.Line, (int)second.Column,
                $"{stream.Documents.Count} YAML documents", "one document");
        }
        YamlNode root = stream.Documents[0].RootNode;
        return root as YamlMappingNode ?? throw new HomeDescriptionException(HomeError.InvalidValue, path,
            (int)root.Start.Line, (int)root.Start.Column, $"a {Kind(root)} at the top", "a mapping with `version` and `lights`");
    }

    static string Inner(YamlException e) => (e.InnerException as YamlException ?? e).Message.Split('\n')[0].Trim();

    HomeDescription ReadRoot(YamlMappingNode root)
    {
        var fields = Fields(root, TopKeys, "version", "lights");
        int version = Integer(fields["version"], "version");
        if (version != HomeDescription.FormatVersion)
            throw Error(HomeError.UnsupportedVersion, fields["version"], $"version {version}",
                $"version {HomeDescription.FormatVersion} (the only one this tool reads)");
        var lightNodes = Sequence(fields["lights"], "lights", minCount: 1, maxCount: HomeDescription.MaxLights);
        var lights = lightNodes.Select(ReadLight).ToList();
        foreach (Light light in lights) Register(light.AllNames, $"the light \"{light.Name}\"", light.Line);
        var areas = ReadAreas(lights, fields.GetValueOrDefault("areas"));
        PinRules.Check(lights, lightNodes, this);
        return new HomeDescription(path, lights, areas);
    }

    Light ReadLight(YamlNode node)
    {
        var fields = Fields(node, LightKeys, "name", "area");
        string name = PhraseValue(fields["name"], "name");
        var aliases = Aliases(fields.GetValueOrDefault("aliases"));
        string area = PhraseValue(fields["area"], "area");
        ColorPins? color = fields.TryGetValue("color", out var c) ? ReadColor(c) : null;
        int? pin = fields.TryGetValue("pin", out var p) ? Integer(p, "pin") : null;
        bool? dimmable = fields.TryGetValue("dimmable", out var d) ? Boolean(d, "dimmable") : null;
        if (color is null && pin is null)
            throw Error(HomeError.MissingField, node, $"the light \"{name}\" without `pin`", "the key `pin` (or `color` with red, green and blue pins)");
        if (color is not null && pin is not null)
            throw Error(HomeError.InvalidValue, p!, $"both `pin` and `color` on the light \"{name}\"",
                "either `pin` (plain or dimmable light) or `color` (RGB light, driven by its three pins)");
        if (color is not null && dimmable == false)
            throw Error(HomeError.InvalidValue, d!, "`dimmable: false` on a colour light", "no `dimmable` key, or `true` (colour lights dim with PWM)");
        return new Light(name, aliases, area, pin, color is not null || dimmable == true, color, (int)node.Start.Line);
    }

    ColorPins ReadColor(YamlNode node)
    {
        var fields = Fields(node, ColorKeys, ColorKeys);
        return new ColorPins(Integer(fields["red"], "red"), Integer(fields["green"], "green"), Integer(fields["blue"], "blue"));
    }

    List<Area> ReadAreas(List<Light> lights, YamlNode? node)
    {
        var areas = new List<Area>();
        foreach (Light light in lights)
            if (!areas.Any(a => a.Name == light.Area)) areas.Add(new Area(light.Area, [], light.Line));
        if (areas.Count > HomeDescription.MaxAreas)
            throw new HomeDescriptionException(HomeError.TooManyEntries, path, areas[HomeDescription.MaxAreas].Line, 0,
                $"{areas.Count} areas", $"at most {HomeDescription.MaxAreas}");
        foreach (Area area in areas) Register([area.Name], $"the area \"{area.Name}\"", area.Line);
        if (node is null) return areas;
        foreach (YamlNode entry in Sequence(node, "areas", minCount: 0, maxCount: HomeDescription.MaxAreas))
        {
            var fields = Fields(entry, AreaKeys, "name");
            string name = PhraseValue(fields["name"], "name");
            int index = areas.FindIndex(a => a.Name == name);
            if (index < 0)
                throw Error(HomeError.UnknownArea, fields["name"], $"the area \"{name}\", which no light is in",
                    $"one of the lights' areas ({string.Join(", ", areas.Select(a => a.Name))})");
            if (areas[index].Aliases.Count > 0)
                throw Error(HomeError.DuplicateName, fields["name"], $"a second entry for the area \"{name}\"", "one entry per area");
            var aliases = Aliases(fields.GetValueOrDefault("aliases"));
            Register(aliases, $"the area \"{name}\"", (int)entry.Start.Line);
            areas[index] = areas[index] with { Aliases = aliases };
        }
        return areas;
    }

    /// <summary>Records that <paramref name="owner"/> uses these phrases; a phrase used before is a duplicate.</summary>
    void Register(IEnumerable<string> phrases, string owner, int line)
    {
        foreach (string phrase in phrases)
        {
            if (names.TryGetValue(phrase, out var first))
                throw new HomeDescriptionException(HomeError.DuplicateName, path, line, 0,
                    $"\"{phrase}\" for {owner}, but {first.Owner} (line {first.Line}) already uses it",
                    "names and aliases used once across all lights and areas");
            names[phrase] = (owner, line);
        }
    }

    IReadOnlyList<string> Aliases(YamlNode? node)
    {
        if (node is null) return [];
        return Sequence(node, "aliases", minCount: 0, maxCount: HomeDescription.MaxAliases)
            .Select(a => PhraseValue(a, "alias")).ToList();
    }

    Dictionary<string, YamlNode> Fields(YamlNode node, string[] allowed, params string[] required)
    {
        if (node is not YamlMappingNode mapping)
            throw Error(HomeError.InvalidValue, node, $"a {Kind(node)}", $"a mapping with {Keys(required)}");
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key))
                throw Error(HomeError.UnknownKey, keyNode, $"the key `{key}`", $"one of {string.Join(", ", allowed)}");
            fields[key] = value;
        }
        foreach (string key in required)
            if (!fields.ContainsKey(key))
                throw Error(HomeError.MissingField, node, $"a mapping without `{key}`", $"the key `{key}`");
        return fields;
    }

    IReadOnlyList<YamlNode> Sequence(YamlNode node, string key, int minCount, int maxCount)
    {
        if (node is not YamlSequenceNode sequence)
            throw Error(HomeError.InvalidValue, node, $"`{key}` as a {Kind(node)}", $"`{key}` as a sequence");
        if (sequence.Children.Count < minCount)
            throw Error(HomeError.MissingField, node, $"no entries in `{key}`", $"at least {minCount}");
        if (sequence.Children.Count > maxCount)
            throw Error(HomeError.TooManyEntries, sequence.Children[maxCount], $"{sequence.Children.Count} entries in `{key}`",
                $"at most {maxCount}");
        return sequence.Children.ToList();
    }

    string PhraseValue(YamlNode node, string key)
    {
        string text = Scalar(node, key, "a phrase");
        return Phrase.Normalize(text, out string? problem)
            ?? throw Error(HomeError.InvalidValue, node, $"`{key}` \"{text}\" with {problem}",
                $"1..{Phrase.MaxWords} words without numbers (docs/home.md §Keys)");
    }

    int Integer(YamlNode node, string key)
    {
        string text = Scalar(node, key, "an integer");
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value
            : throw Error(HomeError.InvalidValue, node, $"`{key}: {text}`", $"`{key}` as an integer");
    }

    bool Boolean(YamlNode node, string key)
    {
        string text = Scalar(node, key, "true or false");
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(HomeError.InvalidValue, node, $"`{key}: {text}`", $"`{key}` as true or false"),
        };
    }

    string Scalar(YamlNode node, string key, string expected)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 } text })
            throw Error(HomeError.InvalidValue, node, node is YamlScalarNode ? $"an empty `{key}`" : $"`{key}` as a {Kind(node)}",
                $"`{key}` as {expected}");
        return text;
    }

    internal HomeDescriptionException Error(HomeError error, YamlNode node, string found, string expected) =>
        new(error, path, (int)node.Start.Line, (int)node.Start.Column, found, expected);

    static string Keys(string[] keys) => string.Join(", ", keys.Select(k => $"`{k}`"));

    static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "sequence",
        _ => "scalar",
    };
}
