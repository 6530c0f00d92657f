using Saffu.Runtime.Actions;

namespace Saffu.Training.DeviceSimulation;

/// <summary>How a simulated GPIO was last driven.</summary>
public enum SimulatedPinMode
{
    /// <summary>Not written since the (simulated) power came on.</summary>
    Unused = 0,
    Digital,
    Pwm,
}

/// <summary>
/// The simulated board's GPIOs 0..39: the last level written to each (digital 0/1, PWM duty in
/// permille 0..1000), how it was driven, and every write in order. Cleared at each power-up.
/// </summary>
public sealed class SimulatedPins : IPinWriter
{
    public const int PinCount = 40;
    private readonly int[] _level = new int[PinCount];
    private readonly SimulatedPinMode[] _mode = new SimulatedPinMode[PinCount];
    private readonly List<(int Pin, SimulatedPinMode Mode, int Level)> _writes = [];

    /// <summary>Digital 0/1 or PWM duty in permille; 0 for an unused pin.</summary>
    public int Level(int pin) => _level[pin];
    public SimulatedPinMode Mode(int pin) => _mode[pin];
    /// <summary>Every write since power-up, in order.</summary>
    public IReadOnlyList<(int Pin, SimulatedPinMode Mode, int Level)> Writes => _writes;

    public void WriteDigital(int pin, bool high) => Set(pin, SimulatedPinMode.Digital, high ? 1 : 0);

    public void WritePwm(int pin, int dutyPermille) => Set(pin, SimulatedPinMode.Pwm, dutyPermille);

    /// <summary>Power-up: every pin unused and low, no writes.</summary>
    public void Clear()
    {
        Array.Clear(_level);
        Array.Clear(_mode);
        _writes.Clear();
    }

    private void Set(int pin, SimulatedPinMode mode, int level)
    {
        if (pin < 0 || pin >= PinCount) throw new ArgumentOutOfRangeException(nameof(pin), pin, $"GPIO {pin} does not exist on an ESP32 (0..39)");
        _level[pin] = level;
        _mode[pin] = mode;
        _writes.Add((pin, mode, level));
    }
}
