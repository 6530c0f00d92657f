using YamlDotNet.RepresentationModel;

namespace Saffu.Training.Home;

/// <summary>Pins an ESP32 can drive, each used once, within the 16 LEDC channels (docs/home.md §Rules).</summary>
static class PinRules
{
    public static void Check(IReadOnlyList<Light> lights, IReadOnlyList<YamlNode> nodes, HomeDescriptionReader reader)
    {
        var firstUse = new Dictionary<int, Light>();
        int channels = 0;
        for (int i = 0; i < lights.Count; i++)
        {
            Light light = lights[i];
            foreach (var (pin, node) in PinNodes(light, nodes[i]))
            {
                if (Esp32Pins.WhyNotDrivable(pin) is { } why)
                    throw reader.Error(HomeError.PinNotDrivable, node, $"pin {pin}, which {why}",
                        $"a GPIO that can drive an output ({Esp32Pins.DrivableList})");
                if (firstUse.TryGetValue(pin, out Light? first))
                    throw reader.Error(HomeError.PinUsedTwice, node,
                        $"pin {pin} for \"{light.Name}\", already used by \"{first.Name}\" (line {first.Line})", "a pin no other output uses");
                firstUse[pin] = light;
            }
            channels += light.PwmChannels;
            if (channels > Esp32Pins.LedcChannels)
                throw reader.Error(HomeError.TooManyPwmChannels, nodes[i],
                    $"{channels} PWM channels with \"{light.Name}\" (dimmable lights use 1, colour lights 3)",
                    $"at most {Esp32Pins.LedcChannels} (the ESP32's LEDC channels)");
        }
    }

    /// <summary>Each pin of the light with the YAML node that set it (for the line in messages).</summary>
    static IEnumerable<(int Pin, YamlNode Node)> PinNodes(Light light, YamlNode node)
    {
        var mapping = (YamlMappingNode)node;
        if (light.Color is { } c)
        {
            var color = (YamlMappingNode)mapping.Children[new YamlScalarNode("color")];
            yield return (c.Red, color.Children[new YamlScalarNode("red")]);
            yield return (c.Green, color.Children[new YamlScalarNode("green")]);
            yield return (c.Blue, color.Children[new YamlScalarNode("blue")]);
        }
        else yield return (light.Pin!.Value, mapping.Children[new YamlScalarNode("pin")]);
    }
}
