using Saffu.Device.Platform;
using Saffu.Runtime.Text;

namespace Saffu.Device.Tests
{
    /// <summary>An ISerialOutput that keeps everything written as text.</summary>
    public sealed class LineSink : ISerialOutput
    {
        public string Text = "";

        public void Write(byte[] buffer, int index, int count)
        {
            Text += Utf8.Decode(buffer, index, count);
        }
    }
}
