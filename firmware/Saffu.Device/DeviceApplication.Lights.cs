using Saffu.Runtime.Actions;
using Saffu.Runtime.Model;

namespace Saffu.Device
{
    /// <summary>The lights at boot (every light off, the self-test blink, saved states back) and their persistence.</summary>
    public sealed partial class DeviceApplication
    {
        /// <summary>How long the self-test keeps every light on.</summary>
        public const int SelfTestMs = 300;

        void StartLights()
        {
            SaffuModel? model = models.Model;
            if (model == null || model.Actions.Map == null) return;
            ActionPlanner planner = model.Actions;
            AllOff(planner);
            if (Settings.SelfTest)
            {
                Blink(planner.Map!);
                AllOff(planner);
            }
            if (Settings.PersistLights && lightMemory.Restore(models.Crc, planner))
            {
                planner.EmitAll();
                planner.Commands.ApplyTo(ports.Pins);
            }
        }

        void AllOff(ActionPlanner planner)
        {
            planner.Reset();
            planner.Commands.ApplyTo(ports.Pins);
        }

        /// <summary>Every light full on for SelfTestMs (pins written directly: the states stay off).</summary>
        void Blink(ActionMap map)
        {
            for (int i = 0; i < map.LightCount; i++)
            {
                if (map.HasColor(i)) for (int k = 0; k < 3; k++) ports.Pins.WritePwm(map.ColorPin(i, k), 1000);
                else if (map.IsDimmable(i)) ports.Pins.WritePwm(map.Pin(i), 1000);
                else ports.Pins.WriteDigital(map.Pin(i), true);
            }
            ports.System.Sleep(SelfTestMs);
        }

        void SaveLights()
        {
            SaffuModel? model = models.Model;
            if (model == null || !Settings.PersistLights) return;
            lightMemory.Save(models.Crc, model.Actions.States);
        }
    }
}
