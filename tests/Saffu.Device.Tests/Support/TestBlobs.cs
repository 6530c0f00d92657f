using Saffu.Runtime.Tests;

namespace Saffu.Device.Tests
{
    /// <summary>Two small, different lights blobs (the handcrafted LightsModel), for uploads and fallbacks.</summary>
    public static class TestBlobs
    {
        static byte[]? first, second, corrections;

        /// <summary>The LightsModel with its action map (desk lamp PWM 13, hall light digital 33, bedside lamp 26/27/32, ceiling light PWM 25).</summary>
        public static byte[] First()
        {
            if (first == null) first = TestBlobWriter.Write(LightsModel.Create(true));
            return first;
        }

        /// <summary>The same home with another reject threshold: another blob, another CRC.</summary>
        public static byte[] Second()
        {
            if (second == null)
            {
                TestModelSpec spec = LightsModel.Create(true);
                spec.RejectThreshold = 18000;
                second = TestBlobWriter.Write(spec);
            }
            return second;
        }

        /// <summary>LightsModel.CreateWithCorrections: the same home with the correction rule's lead phrases and a cancel intent.</summary>
        public static byte[] Corrections()
        {
            if (corrections == null) corrections = TestBlobWriter.Write(LightsModel.CreateWithCorrections());
            return corrections;
        }

        /// <summary>Hex of a CRC as the protocol writes it.</summary>
        public static string CrcHex(byte[] blob)
        {
            return Models.ModelStore.Hex(Saffu.Runtime.Blob.Crc32.Compute(blob, 0, blob.Length));
        }
    }
}
