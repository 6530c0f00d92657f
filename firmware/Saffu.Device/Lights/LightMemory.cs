using Saffu.Device.Storage;
using Saffu.Runtime.Actions;

namespace Saffu.Device.Lights
{
    /// <summary>
    /// Light states kept in flash (docs/decision-log.md, lights) so they come back after a reboot or a
    /// power cut: written after every change when the setting is on, restored at boot when they
    /// belong to the loaded model.
    /// </summary>
    public sealed class LightMemory
    {
        public const string RegionName = "lights";
        public const int RegionBytes = 1024;
        const int HeaderBytes = 8, PerLight = 5;
        readonly DurablePair pair;
        readonly byte[] payload = new byte[HeaderBytes + PerLight * ActionMap.MaxLights];

        public LightMemory(IRegionStore store)
        {
            pair = new DurablePair(store.Open(RegionName, RegionBytes), DurablePair.KindLights);
        }

        public int RamBytes { get { return pair.RamBytes + payload.Length; } }

        /// <summary>Writes every light's level, last level and colour, tagged with the model's CRC.</summary>
        public void Save(uint modelCrc, LightStates states)
        {
            int n = states.Count;
            Bytes.Put32(payload, 0, modelCrc);
            payload[4] = (byte)n;
            payload[5] = payload[6] = payload[7] = 0;
            for (int i = 0; i < n; i++)
            {
                int at = HeaderBytes + PerLight * i;
                payload[at] = (byte)states.Level(i);
                payload[at + 1] = (byte)states.LastLevel(i);
                payload[at + 2] = (byte)states.Color(i, 0);
                payload[at + 3] = (byte)states.Color(i, 1);
                payload[at + 4] = (byte)states.Color(i, 2);
            }
            pair.Write(payload, HeaderBytes + PerLight * n);
        }

        /// <summary>Puts the saved states back into the planner when they belong to this model; true when it did.</summary>
        public bool Restore(uint modelCrc, ActionPlanner planner)
        {
            int n = pair.Read(payload);
            int lights = planner.States.Count;
            if (n != HeaderBytes + PerLight * lights || Bytes.Get32(payload, 0) != modelCrc || payload[4] != lights) return false;
            for (int i = 0; i < lights; i++)
            {
                int at = HeaderBytes + PerLight * i;
                planner.SetLight(i, payload[at], payload[at + 1], payload[at + 2], payload[at + 3], payload[at + 4]);
            }
            return true;
        }
    }
}
