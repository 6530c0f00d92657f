namespace Saffu.Device.Tests
{
    /// <summary>Transcripts for the handcrafted LightsModel: acted, unsupported and not understood ones.</summary>
    public static class Transcripts
    {
        public static readonly string[] Mixed =
        {
            "turn on the desk lamp", "turn off the hall light", "make the bedside lamp red", "hello there",
            "set the ceiling light to 40 percent", "toggle the hall light", "the weather", "turn on the attic light",
            "dim the desk lamp", "turn off the lights in the bedroom",
        };
    }
}
