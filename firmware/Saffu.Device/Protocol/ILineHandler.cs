namespace Saffu.Device.Protocol
{
    /// <summary>What the framer hands on: complete lines, and the fact that a line was too long.</summary>
    public interface ILineHandler
    {
        /// <summary>A complete line without its \n (and without a \r just before it); bytes valid until the call returns.</summary>
        void OnLine(byte[] line, int count);

        /// <summary>A line longer than MaxLineBytes ended; its bytes were discarded.</summary>
        void OnOverlong();
    }
}
