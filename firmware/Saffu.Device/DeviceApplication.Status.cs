using Saffu.Device.Models;
using Saffu.Device.Protocol;
using Saffu.Runtime.Actions;
using Saffu.Runtime.Model;

namespace Saffu.Device
{
    /// <summary>status, info, lights, light, settings, setting (docs/serial-protocol.md).</summary>
    public sealed partial class DeviceApplication
    {
        void Status(Request r)
        {
            if (!NoArguments(r)) return;
            json.Begin(r.Id, "status");
            json.Key("protocol");
            json.Int(ProtocolVersion);
            json.Key("firmware");
            json.String(FirmwareVersion);
            json.Key("boot");
            json.Int(counters.Boot);
            json.Key("uptime_ms");
            json.Int(UptimeMs());
            json.Key("model");
            WriteModel();
            json.Key("fallback");
            WriteFallback();
            json.Key("log");
            WriteLogSummary();
            json.Key("upload");
            WriteUpload();
            json.Key("persist_lights");
            json.Bool(Settings.PersistLights);
            json.Key("light_levels");
            WriteLevels();
            json.Key("heap_free");
            json.Int(ports.System.FreeHeapBytes());
            json.End();
        }

        void Info(Request r)
        {
            if (!NoArguments(r)) return;
            json.Begin(r.Id, "info");
            json.Key("protocol");
            json.Int(ProtocolVersion);
            json.Key("firmware");
            json.String(FirmwareVersion);
            json.Key("blob_versions");
            json.Open('[');
            for (int i = 0; i < BlobVersions.Length; i++) json.Int(BlobVersions[i]);
            json.Close();
            json.Key("max_line");
            json.Int(LineFramer.MaxLineBytes);
            json.Key("max_chunk");
            json.Int(ModelStore.MaxChunkBytes);
            json.Key("slot_bytes");
            json.Int(ModelStore.SlotBytes);
            json.Key("model");
            WriteModel();
            json.Key("intent_names");
            json.Open('[');
            SaffuModel? model = models.Model;
            for (int i = 0; model != null && i < model.Intents.Count; i++) json.String(model.Intents.Name(i));
            json.Close();
            json.End();
        }

        void WriteModel()
        {
            SaffuModel? model = models.Model;
            json.Open('{');
            json.Key("source");
            json.String(models.Source);
            if (model != null)
            {
                json.Key("bytes");
                json.Int(model.Blob.Length);
                json.Key("crc");
                json.Hex32(models.Crc);
                json.Key("content_hash");
                if (models.ContentHashAt < 0) json.Null();
                else json.Hex(model.Blob, models.ContentHashAt, 32, false);
                json.Key("intents");
                json.Int(model.Intents.Count);
                json.Key("lights");
                json.Int(model.Actions.Map == null ? 0 : model.Actions.Map.LightCount);
                json.Key("ram_bytes");
                json.Int(model.RamBytes);
            }
            json.Close();
        }

        /// <summary>Every light's level in percent, in action-map order ([] without a model or map).</summary>
        void WriteLevels()
        {
            json.Open('[');
            SaffuModel? model = models.Model;
            LightStates? states = model == null || model.Actions.Map == null ? null : model.Actions.States;
            for (int i = 0; states != null && i < states.Count; i++) json.Int(states.Level(i));
            json.Close();
        }

        void WriteFallback()
        {
            if (models.FallbackSlot == null)
            {
                json.Null();
                return;
            }
            json.Open('{');
            json.Key("slot");
            json.String(models.FallbackSlot);
            json.Key("error");
            json.String(models.FallbackError);
            json.Key("message");
            json.String(models.FallbackMessage);
            json.Close();
        }

        void WriteLogSummary()
        {
            json.Open('{');
            json.Key("records");
            json.Int(log.Records);
            json.Key("first_seq");
            if (log.FirstSeq < 0) json.Null(); else json.Int(log.FirstSeq);
            json.Key("next_seq");
            json.Int(log.NextSeq);
            json.Key("used_bytes");
            json.Int(log.UsedBytes);
            json.Key("capacity_bytes");
            json.Int(log.CapacityBytes);
            json.Key("overwritten");
            json.Int(log.Overwritten);
            json.Key("full");
            json.Bool(log.Overwritten > 0);
            json.Close();
        }

        void LightsCommand(Request r)
        {
            if (!NoArguments(r)) return;
            json.Begin(r.Id, "lights");
            json.Key("persist");
            json.Bool(Settings.PersistLights);
            json.Key("lights");
            json.Open('[');
            SaffuModel? model = models.Model;
            ActionMap? map = model == null ? null : model.Actions.Map;
            for (int i = 0; map != null && i < map.LightCount; i++) WriteLightState(map, model!.Actions.States, i, true);
            json.Close();
            json.End();
        }

        void LightCommand(Request r)
        {
            SaffuModel? model = models.Model;
            if (model == null)
            {
                Error(r.Id, ErrorCodes.NoModel, NoModelMessage());
                return;
            }
            string[] words = r.Words();
            int[] v = new int[5];
            if (words.Length != 2 && words.Length != 5)
            {
                Error(r.Id, ErrorCodes.BadArgument, "light takes INDEX LEVEL [RED GREEN BLUE], got " + words.Length + " argument(s)");
                return;
            }
            for (int i = 0; i < words.Length; i++)
            {
                int max = i == 0 ? 255 : i == 1 ? 100 : 255;
                if (!int.TryParse(words[i], out v[i]) || v[i] < 0 || v[i] > max)
                {
                    Error(r.Id, ErrorCodes.BadArgument, "light argument " + (i + 1) + " \"" + words[i] + "\": expected an integer 0.." + max);
                    return;
                }
            }
            ActionPlanner planner = model.Actions;
            ActionMap? map = planner.Map;
            int light = v[0];
            if (map == null || light >= map.LightCount)
            {
                Error(r.Id, ErrorCodes.NoLight, "light " + light + ": the model's action map has " + (map == null ? 0 : map.LightCount) + " light(s)");
                return;
            }
            LightStates states = planner.States;
            bool rgb = words.Length == 5;
            planner.SetLight(light, v[1], v[1] > 0 ? v[1] : states.LastLevel(light),
                rgb ? v[2] : states.Color(light, 0), rgb ? v[3] : states.Color(light, 1), rgb ? v[4] : states.Color(light, 2));
            planner.Commands.ApplyTo(ports.Pins);
            SaveLights();
            json.Begin(r.Id, "light");
            json.Key("light");
            WriteLightState(map, states, light, true);
            json.Key("pins");
            json.Open('[');
            PinCommands c = planner.Commands;
            for (int i = 0; i < c.Count; i++) WritePin(c.Pin(i), c.Kind(i), c.Level(i));
            json.Close();
            json.End();
        }

        void SettingsCommand(Request r)
        {
            if (!NoArguments(r)) return;
            WriteSettings(r.Id);
        }

        void SettingCommand(Request r)
        {
            string[] words = r.Words();
            if (words.Length != 2)
            {
                Error(r.Id, ErrorCodes.BadArgument, "setting takes KEY VALUE, got " + words.Length + " argument(s)");
                return;
            }
            string? problem = Settings.Set(words[0], words[1]);
            if (problem != null)
            {
                Error(r.Id, ErrorCodes.BadArgument, problem);
                return;
            }
            WriteSettings(r.Id);
        }

        void WriteSettings(int id)
        {
            json.Begin(id, "settings");
            json.Key("serial_port");
            json.String(Settings.SerialPort);
            json.Key("serial_tx");
            json.Int(Settings.SerialTx);
            json.Key("serial_rx");
            json.Int(Settings.SerialRx);
            json.Key("baud");
            json.Int(Settings.Baud);
            json.Key("self_test");
            json.Bool(Settings.SelfTest);
            json.Key("persist_lights");
            json.Bool(Settings.PersistLights);
            json.End();
        }
    }
}
