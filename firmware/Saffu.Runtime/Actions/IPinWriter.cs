namespace Saffu.Runtime.Actions
{
    /// <summary>
    /// What the runtime needs from the hardware to act (STYLE.md §7): the device implements it
    /// with GPIO and PWM, the host simulator and tests record the calls.
    /// </summary>
    public interface IPinWriter
    {
        /// <summary>Drives a plain light's GPIO high (on) or low (off).</summary>
        void WriteDigital(int pin, bool high);

        /// <summary>Sets a PWM pin's duty cycle, 0..1000 permille.</summary>
        void WritePwm(int pin, int dutyPermille);
    }
}
