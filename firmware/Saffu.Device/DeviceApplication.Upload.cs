using System;
using Saffu.Device.Models;
using Saffu.Device.Protocol;
using Saffu.Runtime.Model;

namespace Saffu.Device
{
    /// <summary>upload begin/chunk/end/abort and activate (docs/serial-protocol.md, Model upload).</summary>
    public sealed partial class DeviceApplication
    {
        void UploadCommand(Request r)
        {
            string[] words = r.Words();
            string sub = words.Length == 0 ? "" : words[0];
            string? code;
            if (sub == "begin" && words.Length == 3)
            {
                int size;
                uint crc;
                if (!int.TryParse(words[1], out size) || !TryParseHex(words[2], out crc))
                {
                    Error(r.Id, ErrorCodes.BadArgument, "upload begin SIZE CRC: expected a decimal size and 8 hex digits, got \"" + r.Rest + "\"");
                    return;
                }
                code = models.BeginUpload(size, crc);
            }
            else if (sub == "chunk" && words.Length == 4)
            {
                int offset;
                uint crc;
                byte[]? data = Base64(words[3]);
                if (!int.TryParse(words[1], out offset) || offset < 0 || !TryParseHex(words[2], out crc) || data == null)
                {
                    Error(r.Id, ErrorCodes.BadArgument, "upload chunk OFFSET CRC BASE64: expected a decimal offset, 8 hex digits and base64 bytes");
                    return;
                }
                code = models.WriteChunk(offset, data, data.Length, crc);
            }
            else if (sub == "end" && words.Length == 1) code = models.EndUpload();
            else if (sub == "abort" && words.Length == 1)
            {
                models.AbortUpload();
                code = null;
            }
            else
            {
                Error(r.Id, ErrorCodes.BadArgument, "upload takes begin SIZE CRC, chunk OFFSET CRC BASE64, end or abort; got \"" + r.Rest + "\"");
                return;
            }
            if (code != null)
            {
                Error(r.Id, code, models.Message);
                return;
            }
            json.Begin(r.Id, "upload");
            WriteUploadFields();
            json.End();
        }

        /// <summary>status's upload object (null when none is open).</summary>
        void WriteUpload()
        {
            if (models.UploadSlot < 0)
            {
                json.Null();
                return;
            }
            json.Open('{');
            WriteUploadFields();
            json.Close();
        }

        void WriteUploadFields()
        {
            bool open = models.UploadSlot >= 0;
            json.Key("slot");
            json.String(open ? ModelStore.SlotName(models.UploadSlot) : null);
            json.Key("size");
            json.Int(open ? models.UploadSize : 0);
            json.Key("received");
            json.Int(open ? models.UploadReceived : 0);
            json.Key("verified");
            json.Bool(open && models.UploadVerified);
        }

        void Activate(Request r)
        {
            if (!NoArguments(r)) return;
            string? refused = models.RecheckUpload();   // a recorded upload whose slot changed: the lights stay as they are
            if (refused != null)
            {
                Error(r.Id, refused, models.Message);
                return;
            }
            SaffuModel? old = models.Model;
            if (old != null && old.Actions.Map != null && models.UploadVerified) AllOff(old.Actions);
            int slot = models.UploadSlot;
            string? code = models.Activate();
            if (code != null)
            {
                StartLightsQuietly();
                Error(r.Id, code, models.Message);
                return;
            }
            StartLightsQuietly();
            SaveLights();
            json.Begin(r.Id, "activated");
            json.Key("slot");
            json.String(ModelStore.SlotName(slot));
            json.Key("model");
            WriteModel();
            json.End();
        }

        /// <summary>Every light of the (new) model off, without the self-test.</summary>
        void StartLightsQuietly()
        {
            SaffuModel? model = models.Model;
            if (model != null && model.Actions.Map != null) AllOff(model.Actions);
        }

        static byte[]? Base64(string s)
        {
            try
            {
                return Convert.FromBase64String(s);
            }
            catch (Exception)
            {
                return null;
            }
        }

        static bool TryParseHex(string s, out uint value)
        {
            value = 0;
            if (s.Length != 8) return false;
            for (int i = 0; i < 8; i++)
            {
                char c = s[i];
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0) return false;
                value = (value << 4) | (uint)d;
            }
            return true;
        }
    }
}
