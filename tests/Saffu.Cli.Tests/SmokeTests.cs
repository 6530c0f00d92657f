namespace Saffu.Cli.Tests;

[TestClass]
public class SmokeTests
{
    [TestMethod]
    public void RuntimeIsReferenced() => Assert.AreEqual(32, Saffu.Runtime.Text.TokenBuffer.MaxTokenBytes);
}
