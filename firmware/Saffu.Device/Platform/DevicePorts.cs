using Saffu.Device.Storage;
using Saffu.Runtime.Actions;

namespace Saffu.Device.Platform
{
    /// <summary>
    /// Everything the portable application needs from the board (STYLE.md §7): flash regions, pins,
    /// clock, system, the serial output and the blob built into the application.
    /// Program.cs fills it with the ESP32 adapters, the host simulator with simulated ones.
    /// </summary>
    public sealed class DevicePorts
    {
        public DevicePorts(IRegionStore storage, IPinWriter pins, IClock clock, ISystemControl system, ISerialOutput output, IBuiltinBlob? builtinBlob)
        {
            Storage = storage;
            Pins = pins;
            Clock = clock;
            System = system;
            Output = output;
            BuiltinBlob = builtinBlob;
        }

        public IRegionStore Storage { get; }
        public IPinWriter Pins { get; }
        public IClock Clock { get; }
        public ISystemControl System { get; }
        public ISerialOutput Output { get; }
        /// <summary>The blob built into the application; null: none.</summary>
        public IBuiltinBlob? BuiltinBlob { get; }
    }
}
