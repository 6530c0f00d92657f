using System;
using Saffu.Runtime.Blob;

namespace Saffu.Device.Tests
{
    /// <summary>The request lines of a whole upload (begin, 512-byte chunks, end).</summary>
    public static class Uploads
    {
        public static string[] Lines(byte[] blob)
        {
            int chunks = (blob.Length + 511) / 512;
            string[] lines = new string[chunks + 2];
            lines[0] = "upload begin " + blob.Length + " " + TestBlobs.CrcHex(blob);
            for (int i = 0; i < chunks; i++)
            {
                int at = i * 512, n = blob.Length - at < 512 ? blob.Length - at : 512;
                byte[] chunk = new byte[n];
                Array.Copy(blob, at, chunk, 0, n);
                lines[i + 1] = "upload chunk " + at + " " + Models.ModelStore.Hex(Crc32.Compute(chunk, 0, n)) + " " + Convert.ToBase64String(chunk);
            }
            lines[chunks + 1] = "upload end";
            return lines;
        }

        /// <summary>Uploads and activates; the last answer line (activated or an error).</summary>
        public static string UploadAndActivate(TestDevice d, byte[] blob)
        {
            string[] lines = Lines(blob);
            for (int i = 0; i < lines.Length; i++)
            {
                string[] answer = d.Send(lines[i]);
                if (Fields.Type(answer[answer.Length - 1]) == "error") return answer[answer.Length - 1];
            }
            string[] activated = d.Send("activate");
            return activated[activated.Length - 1];
        }
    }
}
