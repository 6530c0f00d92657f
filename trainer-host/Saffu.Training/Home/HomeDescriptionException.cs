namespace Saffu.Training.Home;

/// <summary>What was wrong with a home description (docs/home.md §Errors).</summary>
public enum HomeError
{
    /// <summary>The file is missing, unreadable, or not UTF-8.</summary>
    Unreadable,
    /// <summary>The file is larger than <see cref="HomeDescription.MaxFileBytes"/>.</summary>
    FileTooLarge,
    /// <summary>YAML that does not parse, more than one document, or a duplicate key.</summary>
    BadYaml,
    /// <summary>A `version` other than <see cref="HomeDescription.FormatVersion"/>.</summary>
    UnsupportedVersion,
    /// <summary>A key the format does not have.</summary>
    UnknownKey,
    /// <summary>A required key is absent.</summary>
    MissingField,
    /// <summary>A value of the wrong type or out of range, or a name that is not a phrase.</summary>
    InvalidValue,
    /// <summary>Two lights, or a light and an area, share a name or alias.</summary>
    DuplicateName,
    /// <summary>An `areas` entry that no light is in.</summary>
    UnknownArea,
    /// <summary>A GPIO used by two lights (or twice by one).</summary>
    PinUsedTwice,
    /// <summary>A GPIO that an ESP32 cannot drive as an output.</summary>
    PinNotDrivable,
    /// <summary>More PWM outputs than the ESP32's 16 LEDC channels.</summary>
    TooManyPwmChannels,
    /// <summary>More lights, areas or aliases than the action map holds.</summary>
    TooManyEntries,
}

/// <summary>
/// A home description problem: the file, the 1-based line and column (0 when it concerns the whole
/// file), what was found and what was expected.
/// </summary>
public sealed class HomeDescriptionException : InputFileException
{
    public HomeDescriptionException(HomeError error, string path, int line, int column, string found, string expected, Exception? inner = null)
        : base(path, line, column, found, expected, inner)
    {
        Error = error;
    }

    public HomeError Error { get; }
}
