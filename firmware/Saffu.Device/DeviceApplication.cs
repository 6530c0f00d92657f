using System;
using Saffu.Device.Lights;
using Saffu.Device.Log;
using Saffu.Device.Models;
using Saffu.Device.Platform;
using Saffu.Device.Protocol;
using Saffu.Device.State;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Text;

namespace Saffu.Device
{
    /// <summary>
    /// The device application (docs/serial-protocol.md): reads request lines from the serial bytes it
    /// is fed, runs each command and writes the answer lines. Everything here is portable; the board
    /// (or the host simulator) supplies DevicePorts and feeds Receive.
    /// </summary>
    public sealed partial class DeviceApplication : ILineHandler
    {
        public const string FirmwareVersion = "0.1.0";
        public const int ProtocolVersion = 1;
        /// <summary>Blob format versions this firmware reads (info's blob_versions).</summary>
        public static readonly int[] BlobVersions = { BlobFormat.Version };

        readonly DevicePorts ports;
        readonly LineFramer framer = new LineFramer();
        readonly JsonLine json;
        readonly Counters counters;
        readonly DecisionLog log;
        readonly ModelStore models;
        readonly LightMemory lightMemory;
        readonly byte[] textBytes = new byte[LineFramer.MaxLineBytes];
        long bootTicks;

        /// <summary>Opens the flash regions (settings, counters, log, slots). Call Boot next.</summary>
        public DeviceApplication(DevicePorts ports)
        {
            this.ports = ports;
            json = new JsonLine(ports.Output);
            Settings = DeviceSettings.Load(ports.Storage);
            counters = new Counters(ports.Storage);
            log = new DecisionLog(ports.Storage, counters);
            models = new ModelStore(ports.Storage, ports.BuiltinBlob, BlobFormat.DefaultMaxRuntimeBytes);
            lightMemory = new LightMemory(ports.Storage);
        }

        public DeviceSettings Settings { get; }
        /// <summary>True after a `reboot` command: the board restarts (the simulator boots a new application).</summary>
        public bool RebootRequested { get; private set; }
        /// <summary>The model store (status, tests).</summary>
        public ModelStore Models { get { return models; } }
        /// <summary>The decision log (status, tests).</summary>
        public DecisionLog Log { get { return log; } }
        public Counters Counters { get { return counters; } }

        /// <summary>
        /// Bytes of the application's long-lived buffers (docs: firmware/README.md, RAM budget): line,
        /// answer writer, transcript bytes, log record and window, and the durable-pair copies.
        /// </summary>
        public int RamBytes
        {
            get
            {
                return framer.RamBytes + json.RamBytes + textBytes.Length + log.RamBytes + counters.RamBytes + Settings.RamBytes
                    + lightMemory.RamBytes + models.RamBytes + 4 * recordStrings.Length;
            }
        }

        /// <summary>
        /// Bytes allocated for one request at most and freed after it: the line as a string (UTF-16,
        /// 2 per byte), its words (as many again), and for an upload the decoded chunk and the 512-byte
        /// window of the verification read.
        /// </summary>
        public const int TransientPeakBytes = 2 * LineFramer.MaxLineBytes * 2 + ModelStore.MaxChunkBytes + RegionWindow.WindowBytes;

        /// <summary>Counts the boot, loads the model, sets the lights (self-test, restored states) and writes the boot event.</summary>
        public void Boot()
        {
            bootTicks = ports.Clock.Ticks;
            counters.StartBoot(bootTicks);
            models.Boot();
            StartLights();
            json.Begin(-1, "boot");
            json.Key("protocol");
            json.Int(ProtocolVersion);
            json.Key("firmware");
            json.String(FirmwareVersion);
            json.Key("boot");
            json.Int(counters.Boot);
            json.Key("model");
            WriteModel();
            json.Key("fallback");
            WriteFallback();
            json.End();
        }

        /// <summary>A half line that waited longer than this for its next byte is dropped (docs/serial-protocol.md, Framing).</summary>
        public const int StaleLineMs = 1000;
        long lastByteTicks;

        /// <summary>Serial bytes from the host; every complete line is answered before this returns.</summary>
        public void Receive(byte[] data, int index, int count)
        {
            if (count <= 0) return;
            long now = ports.Clock.Ticks;
            if (framer.Pending && now - lastByteTicks > StaleLineMs * 10000L) framer.Discard();
            lastByteTicks = now;
            framer.Feed(data, index, count, this);
        }

        public void OnOverlong()
        {
            Error(-1, ErrorCodes.LineTooLong, "line longer than " + LineFramer.MaxLineBytes + " bytes: discarded up to its end");
        }

        public void OnLine(byte[] line, int count)
        {
            if (LineCheck.IsBlank(line, count)) return;
            string? problem = LineCheck.Check(line, count);
            if (problem != null)
            {
                Error(-1, problem, problem == ErrorCodes.BadUtf8 ? "the line is not valid UTF-8" : "the line holds a control byte (below 0x20, not TAB)");
                return;
            }
            string text = Utf8.Decode(line, 0, count);
            Request? request = Request.Parse(text);
            if (request == null)
            {
                Error(-1, ErrorCodes.BadArgument, "request id longer than " + Request.MaxIdDigits + " digits");
                return;
            }
            try
            {
                Dispatch(request);
            }
            catch (Exception e)
            {
                // Flash and pin adapters throw on I/O failures; the device answers and keeps working.
                Error(request.Id, ErrorCodes.Storage, e.Message);
            }
        }

        void Dispatch(Request r)
        {
            switch (r.Command)
            {
                case "ping": Pong(r); break;
                case "say": Say(r); break;
                case "status": Status(r); break;
                case "info": Info(r); break;
                case "lights": LightsCommand(r); break;
                case "light": LightCommand(r); break;
                case "log": LogCommand(r); break;
                case "upload": UploadCommand(r); break;
                case "activate": Activate(r); break;
                case "bench": Bench(r); break;
                case "settings": SettingsCommand(r); break;
                case "setting": SettingCommand(r); break;
                case "reboot": Reboot(r); break;
                case "":
                    Error(r.Id, ErrorCodes.UnknownCommand, "no command after the request id");
                    break;
                default:
                    Error(r.Id, ErrorCodes.UnknownCommand, "unknown command \"" + r.Command + "\": expected ping, say, status, info, lights, light, log, upload, activate, bench, settings, setting or reboot");
                    break;
            }
        }

        void Pong(Request r)
        {
            if (!NoArguments(r)) return;
            json.Begin(r.Id, "pong");
            json.Key("protocol");
            json.Int(ProtocolVersion);
            json.End();
        }

        void Reboot(Request r)
        {
            if (!NoArguments(r)) return;
            json.Begin(r.Id, "rebooting");
            json.End();
            RebootRequested = true;
            ports.System.Reboot();
        }

        /// <summary>Milliseconds since this boot.</summary>
        uint UptimeMs() { return (uint)((ports.Clock.Ticks - bootTicks) / 10000); }

        bool NoArguments(Request r)
        {
            if (r.Rest.Length == 0) return true;
            Error(r.Id, ErrorCodes.BadArgument, r.Command + " takes no arguments, got \"" + r.Rest + "\"");
            return false;
        }

        void Error(int id, string code, string message)
        {
            json.Begin(id, "error");
            json.Key("code");
            json.String(code);
            json.Key("message");
            json.String(message);
            json.End();
        }
    }
}
