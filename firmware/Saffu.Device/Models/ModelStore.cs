using Saffu.Device.Log;
using Saffu.Device.Platform;
using Saffu.Device.Storage;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Device.Models
{
    /// <summary>
    /// The model slots A/B, the activation record and the upload (docs/decision-log.md, Model store):
    /// boots the activated slot, falls back to the other slot and then to the built-in blob, takes an
    /// upload into the inactive slot, verifies it from flash through a small buffer, and activates it
    /// only after the full loader accepted it. A verified upload is recorded (durable pair `upload`)
    /// so that it survives a reboot; activate re-checks the slot's bytes against that record.
    /// </summary>
    public sealed class ModelStore
    {
        public const int SlotBytes = 49152;
        public const string ActiveRegion = "active";
        public const int ActiveBytes = 128;
        public const string UploadRegion = "upload";
        public const int UploadBytes = 128;
        public const int MaxChunkBytes = 512;
        const int ActivePayload = 12;
        static readonly string[] SlotNames = { "a", "b" };

        readonly IRegion[] slots = new IRegion[2];
        readonly DurablePair active;
        readonly DurablePair verified;   // the verified upload not yet activated (slot 0xFF: none)
        readonly byte[] activePayload = new byte[ActivePayload];
        readonly IBuiltinBlob? builtin;
        readonly int maxRuntimeBytes;
        readonly BlobCheck check = new BlobCheck();
        int activeSlot = -1;       // −1: no activation record
        int activeLength;
        uint activeCrc;
        uint uploadCrcRunning;
        uint uploadCrcExpected;
        bool uploadFromRecord;     // restored at boot from the verified-upload record: re-check before activating

        public ModelStore(IRegionStore store, IBuiltinBlob? builtin, int maxRuntimeBytes)
        {
            slots[0] = store.Open("slot-a", SlotBytes);
            slots[1] = store.Open("slot-b", SlotBytes);
            active = new DurablePair(store.Open(ActiveRegion, ActiveBytes), DurablePair.KindActive);
            verified = new DurablePair(store.Open(UploadRegion, UploadBytes), DurablePair.KindUpload);
            this.builtin = builtin;
            this.maxRuntimeBytes = maxRuntimeBytes;
            if (active.Read(activePayload) == ActivePayload && activePayload[0] <= 1)
            {
                activeSlot = activePayload[0];
                activeLength = (int)Bytes.Get32(activePayload, 4);
                activeCrc = Bytes.Get32(activePayload, 8);
            }
            UploadSlot = -1;
        }

        /// <summary>Bytes of its own buffers (the model's bytes are counted with the model).</summary>
        public int RamBytes { get { return active.RamBytes + verified.RamBytes + activePayload.Length; } }

        /// <summary>The loaded model, null when none.</summary>
        public SaffuModel? Model { get; private set; }
        /// <summary>"a", "b", "builtin" or "none".</summary>
        public string Source { get; private set; } = "none";
        /// <summary>CRC-32 and length of the loaded blob (0 when none).</summary>
        public uint Crc { get; private set; }
        public int Length { get { return Model == null ? 0 : Model.Blob.Length; } }
        /// <summary>Offset of the loaded blob's content hash, −1 without one.</summary>
        public int ContentHashAt { get; private set; } = -1;

        /// <summary>The activated slot that did not load ("a"/"b"), null when none failed.</summary>
        public string? FallbackSlot { get; private set; }
        public string? FallbackError { get; private set; }
        public string? FallbackMessage { get; private set; }

        /// <summary>The slot an upload is going to, −1 when none is open.</summary>
        public int UploadSlot { get; private set; }
        public int UploadSize { get; private set; }
        public int UploadReceived { get; private set; }
        public bool UploadVerified { get; private set; }
        /// <summary>Error message of the last failed call (the answer's message).</summary>
        public string Message { get; private set; } = "";

        public static string SlotName(int slot) { return SlotNames[slot]; }

        /// <summary>Loads what boots: the activated slot, else the other, else the built-in blob, else nothing.</summary>
        public void Boot()
        {
            Unload();
            if (activeSlot < 0) LoadBuiltin();
            else if (!LoadSlot(activeSlot, activeLength, activeCrc, true))
            {
                FallbackSlot = SlotNames[activeSlot];
                FallbackError = lastError;
                FallbackMessage = Message;
                if (!LoadSlot(1 - activeSlot, 0, 0, false)) LoadBuiltin();
            }
            RestoreVerifiedUpload();
        }

        /// <summary>
        /// After a boot: the verified upload recorded at upload end (not the slot that now runs) is
        /// open again as verified; activate re-checks its bytes first.
        /// </summary>
        void RestoreVerifiedUpload()
        {
            if (UploadSlot >= 0) return;
            if (verified.Read(activePayload) != ActivePayload || activePayload[0] > 1 || activePayload[0] == LoadedSlot()) return;
            int length = (int)Bytes.Get32(activePayload, 4);
            if (length < BlobFormat.MinBlobBytes || length > SlotBytes) return;
            UploadSlot = activePayload[0];
            UploadSize = UploadReceived = length;
            uploadCrcExpected = Bytes.Get32(activePayload, 8);
            uploadCrcRunning = Crc32.Initial;
            UploadVerified = true;
            uploadFromRecord = true;
        }

        /// <summary>Writes the verified-upload record: slot (0xFF: none), length, CRC.</summary>
        void RecordVerified(int slot, int length, uint crc)
        {
            activePayload[0] = (byte)slot;
            activePayload[1] = activePayload[2] = activePayload[3] = 0;
            Bytes.Put32(activePayload, 4, (uint)length);
            Bytes.Put32(activePayload, 8, crc);
            verified.Write(activePayload, ActivePayload);
        }

        /// <summary>Marks the record "no verified upload" (no write when it already says so).</summary>
        void ForgetVerified()
        {
            if (verified.Read(activePayload) == ActivePayload && activePayload[0] > 1) return;
            if (verified.Generation == 0) return;
            RecordVerified(0xFF, 0, 0);
        }

        /// <summary>Opens an upload of size bytes whose CRC-32 is crc into the inactive slot; an error code or null.</summary>
        public string? BeginUpload(int size, uint crc)
        {
            if (size < BlobFormat.MinBlobBytes || size > SlotBytes)
                return Fail(Protocol.ErrorCodes.UploadTooLarge, "upload of " + size + " bytes: a slot takes " + BlobFormat.MinBlobBytes + ".." + SlotBytes);
            UploadSlot = LoadedSlot() == 0 ? 1 : LoadedSlot() == 1 ? 0 : activeSlot == 0 ? 1 : 0;
            UploadSize = size;
            UploadReceived = 0;
            UploadVerified = false;
            uploadFromRecord = false;
            ForgetVerified();
            uploadCrcExpected = crc;
            uploadCrcRunning = Crc32.Initial;
            return null;
        }

        /// <summary>Writes one chunk at offset (must be UploadReceived) whose CRC-32 is crc; an error code or null.</summary>
        public string? WriteChunk(int offset, byte[] data, int count, uint crc)
        {
            if (UploadSlot < 0) return Fail(Protocol.ErrorCodes.UploadNotStarted, "no upload is open: send upload begin SIZE CRC first");
            if (offset != UploadReceived) return Fail(Protocol.ErrorCodes.UploadOffset, "chunk at offset " + offset + " but the upload expects offset " + UploadReceived);
            if (count < 1 || count > MaxChunkBytes || offset + count > UploadSize)
                return Fail(Protocol.ErrorCodes.BadArgument, "chunk of " + count + " bytes at " + offset + ": expected 1.." + MaxChunkBytes + " bytes within the " + UploadSize + " announced");
            uint actual = Crc32.Compute(data, 0, count);
            if (actual != crc) return Fail(Protocol.ErrorCodes.ChunkCrc, "chunk CRC " + Hex(actual) + " but the request says " + Hex(crc));
            slots[UploadSlot].Write(offset, data, 0, count);
            uploadCrcRunning = Crc32.Update(uploadCrcRunning, data, 0, count);
            UploadReceived += count;
            UploadVerified = false;
            return null;
        }

        /// <summary>Ends the upload: reads the slot back (CRC) and checks the blob through a small buffer; an error code or null.</summary>
        public string? EndUpload()
        {
            if (UploadSlot < 0) return Fail(Protocol.ErrorCodes.UploadNotStarted, "no upload is open: send upload begin SIZE CRC first");
            if (UploadReceived != UploadSize) return Fail(Protocol.ErrorCodes.BadArgument, "upload has " + UploadReceived + " of " + UploadSize + " bytes");
            IRegion slot = slots[UploadSlot];
            slot.Flush();
            RegionWindow window = new RegionWindow(slot);
            uint readBack = window.Crc(0, UploadSize);
            if (readBack != uploadCrcExpected)
                return Fail(Protocol.ErrorCodes.BlobCrc, "blob CRC read back from slot " + SlotNames[UploadSlot] + " is " + Hex(readBack) + " but upload begin said " + Hex(uploadCrcExpected)
                    + (Crc32.Final(uploadCrcRunning) != uploadCrcExpected ? " (the chunks sent add up to " + Hex(Crc32.Final(uploadCrcRunning)) + ")" : " (flash did not keep what was written)"));
            if (!check.Check(window, UploadSize))
                return Fail(Protocol.ErrorCodes.BlobInvalid, BlobErrorNames.Name(check.Error) + ": " + check.Message);
            RecordVerified(UploadSlot, UploadSize, uploadCrcExpected);
            UploadVerified = true;
            return null;
        }

        /// <summary>Forgets the open upload.</summary>
        public void AbortUpload()
        {
            bool wasOpen = UploadSlot >= 0;
            UploadSlot = -1;
            UploadVerified = false;
            uploadFromRecord = false;
            if (wasOpen) ForgetVerified();
        }

        /// <summary>
        /// Loads the verified upload with the full loader (the running model released first) and, when
        /// it loads, writes the activation record; else loads the previous model again. An error code or null.
        /// </summary>
        public string? Activate()
        {
            if (UploadSlot < 0 || !UploadVerified) return Fail(Protocol.ErrorCodes.NoVerifiedUpload, "no verified upload to activate: upload begin, chunks, upload end first");
            int slot = UploadSlot;
            string? refused = RecheckUpload();
            if (refused != null) return refused;
            Unload();
            if (!LoadSlot(slot, UploadSize, uploadCrcExpected, true))
            {
                string message = lastError + ": " + Message;
                Boot();
                return Fail(Protocol.ErrorCodes.BlobInvalid, message);
            }
            activePayload[0] = (byte)slot;
            activePayload[1] = activePayload[2] = activePayload[3] = 0;
            Bytes.Put32(activePayload, 4, (uint)UploadSize);
            Bytes.Put32(activePayload, 8, uploadCrcExpected);
            active.Write(activePayload, ActivePayload);
            activeSlot = slot;
            activeLength = UploadSize;
            activeCrc = uploadCrcExpected;
            FallbackSlot = FallbackError = FallbackMessage = null;
            AbortUpload();
            return null;
        }

        /// <summary>
        /// The upload restored from its record after a boot: its slot's bytes, read through a small
        /// buffer (the running model stays loaded), must still have the recorded CRC and pass BlobCheck.
        /// An error code (upload forgotten, Message set) when they do not, else null (also for an
        /// upload verified since this boot, which needs no re-check).
        /// </summary>
        public string? RecheckUpload()
        {
            if (UploadSlot < 0 || !uploadFromRecord) return null;
            RegionWindow window = new RegionWindow(slots[UploadSlot]);
            uint actual = window.Crc(0, UploadSize);
            string? code = null, problem = null;
            if (actual != uploadCrcExpected)
            {
                code = Protocol.ErrorCodes.BlobCrc;
                problem = "bytes have CRC " + Hex(actual) + " but " + Hex(uploadCrcExpected) + " was recorded when the upload was verified";
            }
            else if (!check.Check(window, UploadSize))
            {
                code = Protocol.ErrorCodes.BlobInvalid;
                problem = BlobErrorNames.Name(check.Error) + ": " + check.Message;
            }
            if (code == null)
            {
                uploadFromRecord = false;
                return null;
            }
            string name = SlotNames[UploadSlot];
            AbortUpload();
            return Fail(code, "slot " + name + " no longer holds the verified upload (" + problem + "): upload the blob again");
        }

        string lastError = "";

        int LoadedSlot() { return Source == "a" ? 0 : Source == "b" ? 1 : -1; }

        void Unload()
        {
            Model = null;
            Source = "none";
            Crc = 0;
            ContentHashAt = -1;
        }

        /// <summary>
        /// Reads slot's blob (length bytes with CRC crc when checkCrc, else the length its own header
        /// gives) and loads it. False with lastError/Message set when it does not load.
        /// </summary>
        bool LoadSlot(int slot, int length, uint crc, bool checkCrc)
        {
            IRegion region = slots[slot];
            if (!checkCrc)
            {
                byte[] head = new byte[12];
                region.Read(0, head, 0, 12);
                length = (int)Bytes.Get32(head, 8);
            }
            if (length < BlobFormat.MinBlobBytes || length > SlotBytes)
                return LoadFailed("SlotLength", "slot " + SlotNames[slot] + " holds a blob of " + length + " bytes; a slot takes " + BlobFormat.MinBlobBytes + ".." + SlotBytes);
            byte[] blob = new byte[length];
            region.Read(0, blob, 0, length);
            uint actual = Crc32.Compute(blob, 0, length);
            if (checkCrc && actual != crc)
                return LoadFailed("SlotCrc", "slot " + SlotNames[slot] + " bytes have CRC " + Hex(actual) + " but " + Hex(crc) + " was recorded at activation");
            if (!Load(blob, SlotNames[slot])) return false;
            Crc = actual;
            return true;
        }

        void LoadBuiltin()
        {
            byte[]? blob = builtin == null ? null : builtin.Read();
            if (blob != null && Load(blob, "builtin")) Crc = Crc32.Compute(blob, 0, blob.Length);
        }

        bool Load(byte[] blob, string source)
        {
            LoadResult r = ModelBlob.Load(blob, maxRuntimeBytes);
            if (!r.Ok) return LoadFailed(BlobErrorNames.Name(r.Error), r.Message);
            Model = r.Model;
            Source = source;
            ContentHashAt = BlobIdentity.ContentHashAt(blob);
            return true;
        }

        bool LoadFailed(string error, string message)
        {
            lastError = error;
            Message = message;
            return false;
        }

        string Fail(string code, string message)
        {
            Message = message;
            return code;
        }

        /// <summary>Eight lower-case hex digits.</summary>
        public static string Hex(uint v)
        {
            const string digits = "0123456789abcdef";
            char[] c = new char[8];
            for (int i = 0; i < 8; i++) c[i] = digits[(int)(v >> (28 - 4 * i)) & 15];
            return new string(c);
        }
    }
}
