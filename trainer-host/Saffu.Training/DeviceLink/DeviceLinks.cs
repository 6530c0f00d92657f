namespace Saffu.Training.DeviceLink;

/// <summary>Opens the link a `--port` value names: `sim:DIR` the simulated device with its state in DIR, anything else a serial port.</summary>
public static class DeviceLinks
{
    public const string SimulatorPrefix = "sim:";

    public static IDeviceLink Open(string port, int baud)
    {
        if (port.StartsWith(SimulatorPrefix, StringComparison.Ordinal))
        {
            string dir = port[SimulatorPrefix.Length..];
            if (dir.Length == 0)
                throw new DeviceLinkException(DeviceLinkError.PortNotFound, "'sim:' needs a folder for the simulated device's flash, e.g. sim:build/device (created when missing)");
            return SimulatedDeviceLink.Open(dir);
        }
        if (port.Length == 0)
            throw new DeviceLinkException(DeviceLinkError.PortNotFound, "--port is empty; give a serial port (COM3, /dev/ttyUSB0) or sim:DIR");
        return SerialDeviceLink.Open(port, baud, DeviceClient.MaxAnswerBytes);
    }
}
