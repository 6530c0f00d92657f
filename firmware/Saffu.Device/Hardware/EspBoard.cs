using System;
using System.IO;
using System.Threading;
using nanoFramework.Runtime.Native;
using Saffu.Device.Platform;

namespace Saffu.Device.Hardware
{
    /// <summary>The ESP32 itself: clock since boot, reboot, free heap, sleep, and the blob deployed beside the application.</summary>
    public sealed class EspBoard : IClock, ISystemControl, IBuiltinBlob
    {
        /// <summary>The built-in model: a file deployed with the application (nanoff --filedeployment).</summary>
        public const string BuiltinBlobPath = "I:\\lights.blob";
        readonly long start = DateTime.UtcNow.Ticks;

        public long Ticks { get { return DateTime.UtcNow.Ticks - start; } }

        public void Reboot() { Power.RebootDevice(); }

        public long FreeHeapBytes() { return nanoFramework.Runtime.Native.GC.Run(false); }

        public void Sleep(int ms) { Thread.Sleep(ms); }

        public byte[]? Read()
        {
            return File.Exists(BuiltinBlobPath) ? File.ReadAllBytes(BuiltinBlobPath) : null;
        }
    }
}
