namespace Saffu.Runtime.Actions
{
    /// <summary>How a pin command drives its pin.</summary>
    public enum PinKind
    {
        /// <summary>Level 0 (low) or 1 (high).</summary>
        Digital = 0,
        /// <summary>Level = duty cycle in permille, 0..1000.</summary>
        Pwm = 1,
    }

    /// <summary>
    /// The pin commands of one plan, in a buffer allocated once (capacity 3 × lights): pin, kind
    /// and level of each (docs/action-map.md, Pin commands).
    /// </summary>
    public sealed class PinCommands
    {
        readonly byte[] pins;    // [capacity] GPIO 0..39
        readonly byte[] kinds;   // [capacity] PinKind
        readonly short[] levels; // [capacity] 0/1 (digital) or permille 0..1000 (PWM)

        internal PinCommands(int capacity)
        {
            pins = new byte[capacity];
            kinds = new byte[capacity];
            levels = new short[capacity];
        }

        /// <summary>Bytes a buffer of capacity commands allocates.</summary>
        public static int RamBytesFor(int capacity)
        {
            return capacity * 4;
        }

        public int RamBytes { get { return RamBytesFor(pins.Length); } }
        public int Capacity { get { return pins.Length; } }
        /// <summary>Commands of the last plan.</summary>
        public int Count { get; private set; }

        public int Pin(int i) { return pins[i]; }
        public PinKind Kind(int i) { return (PinKind)kinds[i]; }
        /// <summary>0 or 1 for Digital; duty in permille (0..1000) for Pwm.</summary>
        public int Level(int i) { return levels[i]; }

        internal void Clear()
        {
            Count = 0;
        }

        /// <summary>Appends a command; the planner never plans more than the capacity.</summary>
        internal void Add(int pin, PinKind kind, int level)
        {
            pins[Count] = (byte)pin;
            kinds[Count] = (byte)kind;
            levels[Count] = (short)level;
            Count++;
        }

        /// <summary>Writes every command, in order, to the hardware (or a recorder).</summary>
        public void ApplyTo(IPinWriter writer)
        {
            for (int i = 0; i < Count; i++)
            {
                if (kinds[i] == (byte)PinKind.Digital) writer.WriteDigital(pins[i], levels[i] != 0);
                else writer.WritePwm(pins[i], levels[i]);
            }
        }
    }
}
