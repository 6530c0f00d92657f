namespace Saffu.Training.Home;

/// <summary>Which ESP32 (WROOM/WROVER, ESP32-D0WD) GPIOs can drive a light, and the PWM budget (docs/home.md §Rules).</summary>
public static class Esp32Pins
{
    /// <summary>LEDC PWM channels: 8 high-speed + 8 low-speed.</summary>
    public const int LedcChannels = 16;

    public const int MaxGpio = 39;

    /// <summary>The device application's default UART pins (COM2 RX/TX, firmware/Saffu.Device settings), never a light's.</summary>
    public const int SerialRx = 16, SerialTx = 17;

    /// <summary>Null when the pin can drive an output; otherwise why not.</summary>
    public static string? WhyNotDrivable(int pin) => pin switch
    {
        < 0 or > MaxGpio => "does not exist (GPIOs are 0..39)",
        20 or 24 or (>= 28 and <= 31) => "does not exist on the ESP32",
        >= 6 and <= 11 => "is wired to the SPI flash",
        >= 34 => "is input only",
        1 or 3 => "is UART0 (nanoFramework deployment, console and decision log)",
        SerialRx or SerialTx => "is the device's serial link to the host (COM2 RX 16 / TX 17 by default, docs/serial-protocol.md)",
        _ => null,
    };

    /// <summary>Every GPIO that can drive a light, ascending.</summary>
    public static IReadOnlyList<int> Drivable { get; } =
        Enumerable.Range(0, MaxGpio + 1).Where(p => WhyNotDrivable(p) is null).ToArray();

    public static string DrivableList => string.Join(", ", Drivable);
}
