namespace Saffu.Training.Home;

/// <summary>A maker's lights and rooms (docs/home.md), validated: every name is a phrase, pins are drivable and unique.</summary>
/// <param name="Path">The file it was read from (for messages).</param>
/// <param name="Lights">In file order.</param>
/// <param name="Areas">Every area a light is in, in order of first mention, with its aliases.</param>
public sealed record HomeDescription(string Path, IReadOnlyList<Light> Lights, IReadOnlyList<Area> Areas)
{
    public const int FormatVersion = 1;
    public const int MaxFileBytes = 1 << 20;
    public const int MaxLights = 64;
    public const int MaxAreas = 64;
    public const int MaxAliases = 7;

    /// <summary>The YAML text it was read from (a leading BOM removed): `saffu train --home` keeps it as the model folder's `home.yaml`.</summary>
    public string Text { get; init; } = "";

    /// <summary>Reads and validates a home description file.</summary>
    public static HomeDescription Load(string path) => HomeDescriptionReader.Read(HomeFile.ReadText(path), path);

    /// <summary>Validates YAML text; <paramref name="path"/> names it in messages.</summary>
    public static HomeDescription Parse(string yaml, string path) => HomeDescriptionReader.Read(yaml, path);

    /// <summary>LEDC channels the lights use (≤ <see cref="Esp32Pins.LedcChannels"/>).</summary>
    public int PwmChannels => Lights.Sum(l => l.PwmChannels);

    public Area AreaOf(Light light) => Areas.First(a => a.Name == light.Area);

    public IEnumerable<Light> LightsIn(Area area) => Lights.Where(l => l.Area == area.Name);
}

/// <summary>One light. Names are phrases (tokenizer words joined by one space).</summary>
/// <param name="Pin">The switching/PWM GPIO; null for a colour light.</param>
/// <param name="Color">The RGB GPIOs of a colour light, else null.</param>
/// <param name="Line">1-based line of the light in its file.</param>
public sealed record Light(string Name, IReadOnlyList<string> Aliases, string Area, int? Pin, bool Dimmable, ColorPins? Color, int Line)
{
    public bool HasColor => Color is not null;

    /// <summary>LEDC channels: 3 for a colour light, 1 for a dimmable one, 0 for a plain one.</summary>
    public int PwmChannels => HasColor ? 3 : Dimmable ? 1 : 0;

    /// <summary>The canonical name first, then the aliases.</summary>
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);

    public IEnumerable<int> Pins => Color is { } c ? [c.Red, c.Green, c.Blue] : [Pin!.Value];
}

/// <summary>The three GPIOs of an RGB light.</summary>
public sealed record ColorPins(int Red, int Green, int Blue);

/// <summary>A room: its canonical name (the `area` slot value) and the other words people use for it.</summary>
public sealed record Area(string Name, IReadOnlyList<string> Aliases, int Line)
{
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}
