using Saffu.Runtime.Tests;

namespace Saffu.Bench;

/// <summary>
/// A blob with the expected size of the lights model when no trained blob exists yet: V 400 words,
/// b 128 bits, 6 intents (with &lt;none&gt;), b' 6, block 16, radial 4, document, a tag head with 9
/// tags over 2 offsets that also sees the intent parts, maxWords 65, int16 weights with per-column
/// scales. Random weights: the cost and RAM depend on the shape only.
/// </summary>
public static class SyntheticLights
{
    public const ulong Seed = 4;
    public const string Describe = "V 400, b 128, 6 intents, b' 6, B 16, r 4, document, 9 tags x 2 offsets, maxWords 65, int16 per-column";

    public static byte[] Blob()
    {
        TestShape shape = new TestShape
        {
            Vocab = 400, Bits = 128, LabelDim = 6, Intents = 6, BlockSize = 16, RadialSize = 4, MaxWords = 65,
            Sod = true, Block = true, Radial = true, Document = true, TagHead = true,
            Tags = 9, TagOffsets = 2, TagIncludesIntentParts = true, TensorBits = 16, PerColumn = true,
        };
        TestModelSpec spec = TestModels.Random(shape, Seed);
        spec.Intents = new[] { "HassTurnOn", "HassTurnOff", "HassToggle", "HassLightSet", "HassGetState", "<none>" };
        return TestBlobWriter.Write(spec);
    }
}
