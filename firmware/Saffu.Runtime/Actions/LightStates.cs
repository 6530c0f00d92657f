namespace Saffu.Runtime.Actions
{
    /// <summary>
    /// What the planner believes each light is doing (docs/action-map.md, Levels): level and last
    /// non-zero level in percent, and colour. Turns a light's state into its pin commands.
    /// </summary>
    public sealed class LightStates
    {
        public const int Full = 100;
        readonly ActionMap? map;
        readonly byte[] level;   // [L] 0..100 percent
        readonly byte[] last;    // [L] last non-zero level, 1..100
        readonly byte[] color;   // [3L] red, green, blue of each light, 0..255

        internal LightStates(ActionMap? map)
        {
            this.map = map;
            int lights = map == null ? 0 : map.LightCount;
            level = new byte[lights];
            last = new byte[lights];
            color = new byte[3 * lights];
            Reset();
        }

        /// <summary>Bytes for the state of that many lights.</summary>
        public static int RamBytesFor(int lights)
        {
            return 5 * lights;
        }

        public int RamBytes { get { return RamBytesFor(level.Length); } }
        public int Count { get { return level.Length; } }

        /// <summary>Light i's level, 0..100 percent.</summary>
        public int Level(int light) { return level[light]; }
        /// <summary>Light i's last non-zero level (what "on" restores), 1..100.</summary>
        public int LastLevel(int light) { return last[light]; }
        /// <summary>Light i's colour component 0 red, 1 green, 2 blue (0..255; white at start).</summary>
        public int Color(int light, int channel) { return color[3 * light + channel]; }

        /// <summary>Every light off, last level 100, white.</summary>
        internal void Reset()
        {
            for (int i = 0; i < level.Length; i++)
            {
                level[i] = 0;
                last[i] = Full;
                color[3 * i] = 255;
                color[3 * i + 1] = 255;
                color[3 * i + 2] = 255;
            }
        }

        internal void SetLevel(int light, int percent)
        {
            level[light] = (byte)percent;
            if (percent > 0) last[light] = (byte)percent;
        }

        /// <summary>Puts back a saved state (or one set directly): level, last non-zero level, colour.</summary>
        internal void Restore(int light, int percent, int lastPercent, int red, int green, int blue)
        {
            level[light] = (byte)percent;
            last[light] = (byte)(percent > 0 ? percent : lastPercent);
            color[3 * light] = (byte)red;
            color[3 * light + 1] = (byte)green;
            color[3 * light + 2] = (byte)blue;
        }

        internal void SetColor(int light, int c)
        {
            for (int k = 0; k < 3; k++) color[3 * light + k] = (byte)map!.ColorComponent(c, k);
        }

        /// <summary>Light i's commands: digital on/off, a PWM duty, or three scaled colour duties.</summary>
        internal void Emit(int light, PinCommands commands)
        {
            ActionMap m = map!;
            int percent = level[light];
            if (m.HasColor(light))
            {
                for (int k = 0; k < 3; k++)
                    commands.Add(m.ColorPin(light, k), PinKind.Pwm, (color[3 * light + k] * percent * 1000 + 12750) / 25500);
            }
            else if (m.IsDimmable(light)) commands.Add(m.Pin(light), PinKind.Pwm, percent * 10);
            else commands.Add(m.Pin(light), PinKind.Digital, percent > 0 ? 1 : 0);
        }
    }
}
