namespace Saffu.Device.Platform
{
    /// <summary>Time since boot (device: DateTime.UtcNow ticks from boot; simulator: a stopwatch or a test's hand).</summary>
    public interface IClock
    {
        /// <summary>100 ns ticks since the application started.</summary>
        long Ticks { get; }
    }
}
