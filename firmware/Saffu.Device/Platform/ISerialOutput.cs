namespace Saffu.Device.Platform
{
    /// <summary>The answer side of the serial link: bytes to the host, in order.</summary>
    public interface ISerialOutput
    {
        void Write(byte[] buffer, int index, int count);
    }
}
