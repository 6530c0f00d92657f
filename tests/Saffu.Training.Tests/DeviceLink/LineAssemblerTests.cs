using System.Text;
using Saffu.Training.DeviceLink;

namespace Saffu.Training.Tests.DeviceLink;

[TestClass]
public sealed class LineAssemblerTests
{
    private static List<string> Feed(LineAssembler a, byte[] bytes, List<DeviceLinkError>? errors = null)
    {
        var lines = new List<string>();
        foreach (byte b in bytes)
        {
            try
            {
                if (a.Add(b) is { } line) lines.Add(line);
            }
            catch (DeviceLinkException e)
            {
                errors?.Add(e.Error);
            }
        }
        return lines;
    }

    [TestMethod]
    public void Lines_end_in_LF_with_an_optional_CR()
    {
        var lines = Feed(new LineAssembler(100), Encoding.UTF8.GetBytes("a b\r\n\nc\u00e9\n"));
        CollectionAssert.AreEqual(new[] { "a b", "", "c\u00e9" }, lines);
    }

    [TestMethod]
    public void An_over_long_line_is_reported_once_and_skipped_to_its_end()
    {
        var errors = new List<DeviceLinkError>();
        var lines = Feed(new LineAssembler(8), Encoding.UTF8.GetBytes("0123456789abcdef\nok\n"), errors);
        CollectionAssert.AreEqual(new[] { DeviceLinkError.Protocol }, errors);
        CollectionAssert.AreEqual(new[] { "ok" }, lines);
    }

    [TestMethod]
    public void A_line_of_exactly_the_maximum_is_read()
    {
        var lines = Feed(new LineAssembler(8), Encoding.UTF8.GetBytes("01234567\n"));
        CollectionAssert.AreEqual(new[] { "01234567" }, lines);
    }

    [TestMethod]
    public void Invalid_UTF8_is_a_protocol_error_and_the_next_line_is_clean()
    {
        var errors = new List<DeviceLinkError>();
        var lines = Feed(new LineAssembler(100), [0xC3, 0x28, (byte)'\n', (byte)'o', (byte)'k', (byte)'\n'], errors);
        CollectionAssert.AreEqual(new[] { DeviceLinkError.Protocol }, errors);
        CollectionAssert.AreEqual(new[] { "ok" }, lines);
    }
}
