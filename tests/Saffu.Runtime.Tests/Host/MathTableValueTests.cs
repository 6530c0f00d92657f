using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Saffu.Runtime.Arithmetic;

namespace Saffu.Runtime.Tests.Host
{
    /// <summary>The literal tables of Support/MathTableValues.cs are what the formulas give in double.</summary>
    [TestClass]
    public class MathTableValueTests
    {
        [TestMethod]
        public void LiteralsMatchTheFormulas()
        {
            for (int k = 0; k < MathTables.Entries; k++)
            {
                Assert.AreEqual((int)Math.Round(Math.Pow(2, 30) * Math.Pow(2, -k / 256.0)), MathTableValues.Exp2[k], "E[" + k + "]");
                Assert.AreEqual((int)Math.Round(65536 * Math.Log2(1 + k / 256.0)), MathTableValues.Log2[k], "L[" + k + "]");
            }
            Assert.AreEqual(MathTableValues.Log2E, (int)Math.Round(65536 * Math.Log2(Math.E)));
            Assert.AreEqual(MathTableValues.Ln2, (int)Math.Round(65536 * Math.Log(2)));
        }

        [TestMethod]
        public void LiteralTablesPassTheLoaderCheck()
        {
            Assert.AreEqual(-1, TestTables.Create().FirstBadEntry());
        }
    }
}
