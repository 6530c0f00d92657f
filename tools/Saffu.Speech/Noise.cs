using System.Buffers.Binary;

namespace Saffu.Speech;

/// <summary>
/// White Gaussian noise added to 16 kHz mono 16-bit WAV at a signal-to-noise ratio (dB, against the recording's RMS),
/// seeded by the file name so every run makes the same bytes (sox's noise generator is not seedable).
/// </summary>
internal static class Noise
{
    public static void Add(string cleanWav, string noisyWav, double snrDb)
    {
        byte[] bytes = File.ReadAllBytes(cleanWav);
        const int header = 44;
        int samples = (bytes.Length - header) / 2;
        double power = 0;
        for (int i = 0; i < samples; i++) { double s = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(header + 2 * i)); power += s * s; }
        double sigma = Math.Sqrt(power / Math.Max(1, samples) / Math.Pow(10, snrDb / 10));
        var random = new Random(StableSeed(Path.GetFileName(noisyWav)));
        for (int i = 0; i < samples; i++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            double g = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            double s = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(header + 2 * i)) + sigma * g;
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(header + 2 * i), (short)Math.Clamp(Math.Round(s), short.MinValue, short.MaxValue));
        }
        File.WriteAllBytes(noisyWav, bytes);
    }

    static int StableSeed(string name)
    {
        unchecked
        {
            int h = (int)2166136261;
            foreach (char c in name) h = (h ^ c) * 16777619;
            return h;
        }
    }
}
