using YamlDotNet.RepresentationModel;
using Saffu.Training.Corpus;
using Saffu.Training.Home;

namespace Saffu.Training.Retraining;

/// <summary>A new alias a correction taught: the words said for a light (`name`) or a room (`area`) and what they mean.</summary>
public sealed record NewAlias(string Slot, string Phrase, string Value);

/// <summary>
/// Adds aliases to a home description (docs/home.md) so the action map finds the light or room a correction's new words
/// name: the YAML is re-read, the alias appended to the light's (or area's) `aliases`, and the result parsed and validated
/// again as any home file. Comments are not kept (the YAML is re-serialized); names, pins and everything else are.
/// </summary>
public static class HomeAliases
{
    public static HomeDescription Add(HomeDescription home, IReadOnlyList<NewAlias> aliases)
    {
        if (aliases.Count == 0) return home;
        var yaml = new YamlStream();
        yaml.Load(new StringReader(home.Text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (NewAlias alias in aliases)
        {
            YamlMappingNode entry = alias.Slot == SlotNames.Name ? Light(root, alias, home.Path) : Area(root, alias.Value);
            if (!entry.Children.TryGetValue(new YamlScalarNode("aliases"), out YamlNode? list))
                entry.Children[new YamlScalarNode("aliases")] = list = new YamlSequenceNode { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
            ((YamlSequenceNode)list).Children.Add(new YamlScalarNode(alias.Phrase));
        }
        var text = new StringWriter();
        text.WriteLine("# home description with aliases added by 'saffu retrain' (docs/retraining.md)");
        yaml.Save(text, assignAnchors: false);
        string result = text.ToString().TrimEnd('.', '\n', '\r') + "\n";
        return HomeDescription.Parse(result, home.Path) with { Text = result };
    }

    static YamlMappingNode Light(YamlMappingNode root, NewAlias alias, string path) =>
        Sequence(root, "lights").Children.OfType<YamlMappingNode>().FirstOrDefault(l => NameOf(l) == alias.Value)
        ?? throw new ArgumentException($"{path}: no light named \"{alias.Value}\" for the alias \"{alias.Phrase}\".");

    static YamlMappingNode Area(YamlMappingNode root, string area)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("areas"), out YamlNode? node))
            root.Children[new YamlScalarNode("areas")] = node = new YamlSequenceNode();
        var areas = (YamlSequenceNode)node;
        var entry = areas.Children.OfType<YamlMappingNode>().FirstOrDefault(a => NameOf(a) == area);
        if (entry is null)
        {
            entry = new YamlMappingNode { { "name", area } };
            areas.Children.Add(entry);
        }
        return entry;
    }

    static YamlSequenceNode Sequence(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? n) && n is YamlSequenceNode s ? s : new YamlSequenceNode();

    static string? NameOf(YamlMappingNode node) =>
        node.Children.TryGetValue(new YamlScalarNode("name"), out YamlNode? n) && n is YamlScalarNode s ? s.Value : null;
}
