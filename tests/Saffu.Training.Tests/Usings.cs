global using Microsoft.VisualStudio.TestTools.UnitTesting;
