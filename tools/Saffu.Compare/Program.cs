// SAFFU against backprop only and ML.NET on HWU64 (issue 5, item 7). See README.md.
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
return Saffu.Compare.CompareCommand.Run(args);
