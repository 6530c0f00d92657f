using Saffu.Device.Log;
using Saffu.Runtime.Blob;

namespace Saffu.Device.Models
{
    /// <summary>
    /// The blob checks an upload gets before it may be activated, read from flash through the
    /// RegionWindow's 512 bytes so the running model stays the only one in RAM
    /// (docs/serial-protocol.md, upload end): header, section table and every dimension.
    /// </summary>
    public sealed partial class BlobCheck
    {
        RegionWindow w = null!;
        int total;

        public BlobError Error { get; private set; }
        public string Message { get; private set; } = "";

        /// <summary>Checks the length bytes at the start of the window's region; false with Error and Message on the first problem.</summary>
        public bool Check(RegionWindow window, int length, int maxRuntimeBytes)
        {
            w = window;
            total = length;
            Error = BlobError.None;
            Message = "";
            return CheckHeader();
        }

        bool CheckHeader()
        {
            if (total < BlobFormat.MinPrefix) return Fail(BlobError.Truncated, "blob has " + total + " bytes but its header needs at least " + BlobFormat.MinPrefix);
            if (w.Byte(0) != BlobFormat.Magic0 || w.Byte(1) != BlobFormat.Magic1 || w.Byte(2) != BlobFormat.Magic2 || w.Byte(3) != BlobFormat.Magic3)
                return Fail(BlobError.BadMagic, "blob does not start with 53 41 46 55 (\"SAFU\")");
            int version = w.U16(4);
            if (version == 0 || version > BlobFormat.Version)
                return Fail(BlobError.UnsupportedVersion, "blob is version " + version + " but this runtime reads up to " + BlobFormat.Version);
            if (total < BlobFormat.HeaderSize) return Fail(BlobError.Truncated, "blob has " + total + " bytes but its header needs " + BlobFormat.HeaderSize);
            if ((int)w.U32(8) != total) return Fail(BlobError.BadHeader, "header says totalLength " + w.U32(8) + " but the upload has " + total + " bytes");
            return true;
        }

        bool Fail(BlobError error, string message)
        {
            Error = error;
            Message = message;
            return false;
        }
    }
}
