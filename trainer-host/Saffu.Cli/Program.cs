return Saffu.Cli.SaffuCommand.Run(args, Console.Out, Console.Error);
