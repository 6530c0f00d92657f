namespace Saffu.Device.Platform
{
    /// <summary>What the application asks of the board itself.</summary>
    public interface ISystemControl
    {
        /// <summary>Restarts the board (the simulator: a new boot from the same flash). May return (simulator).</summary>
        void Reboot();

        /// <summary>Free managed heap in bytes after a collection; 0 when unknown (simulator).</summary>
        long FreeHeapBytes();

        /// <summary>Waits ms milliseconds (the boot self-test blink); the simulator does not wait.</summary>
        void Sleep(int ms);
    }
}
