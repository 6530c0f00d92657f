namespace Saffu.Device.State
{
    /// <summary>
    /// GPIOs the serial setting may name: the pins docs/home.md lets a light use, plus 1/3 (UART0)
    /// and 16/17 (the default UART1 pins). Flash pins 6..11 are never allowed; 34..39 are input only.
    /// </summary>
    public static class SerialPins
    {
        public static bool IsUsable(int pin)
        {
            if (pin < 0 || pin > 33) return false;
            if (pin >= 6 && pin <= 11) return false;
            return pin != 20 && pin != 24 && (pin < 28 || pin > 31);
        }

        public static string Describe() { return "0..5, 12..19, 21..23, 25..27, 32, 33"; }
    }
}
