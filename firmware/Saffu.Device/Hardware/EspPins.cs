using System.Device.Gpio;
using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using Saffu.Runtime.Actions;

namespace Saffu.Device.Hardware
{
    /// <summary>
    /// IPinWriter on the ESP32: a GPIO output per plain light, an LEDC PWM channel per dimmable pin
    /// (routed with Configuration.SetPinFunction, PWM1..PWM16 in the order pins are first dimmed).
    /// Pins are opened on first use; duty permille → PwmChannel.DutyCycle (0.0..1.0).
    /// </summary>
    public sealed class EspPins : IPinWriter
    {
        public const int PinCount = 40, PwmFrequency = 1000;
        static readonly DeviceFunction[] PwmFunctions =
        {
            DeviceFunction.PWM1, DeviceFunction.PWM2, DeviceFunction.PWM3, DeviceFunction.PWM4,
            DeviceFunction.PWM5, DeviceFunction.PWM6, DeviceFunction.PWM7, DeviceFunction.PWM8,
            DeviceFunction.PWM9, DeviceFunction.PWM10, DeviceFunction.PWM11, DeviceFunction.PWM12,
            DeviceFunction.PWM13, DeviceFunction.PWM14, DeviceFunction.PWM15, DeviceFunction.PWM16,
        };

        readonly GpioController gpio = new GpioController();
        readonly GpioPin?[] outputs = new GpioPin?[PinCount];
        readonly PwmChannel?[] channels = new PwmChannel?[PinCount];
        int pwmUsed;

        public void WriteDigital(int pin, bool high)
        {
            GpioPin? p = outputs[pin];
            if (p == null)
            {
                p = gpio.OpenPin(pin, PinMode.Output);
                outputs[pin] = p;
            }
            p.Write(high ? PinValue.High : PinValue.Low);
        }

        public void WritePwm(int pin, int dutyPermille)
        {
            PwmChannel? c = channels[pin];
            if (c == null)
            {
                if (pwmUsed == PwmFunctions.Length) throw new System.InvalidOperationException("GPIO " + pin + ": all 16 LEDC channels are in use");
                Configuration.SetPinFunction(pin, PwmFunctions[pwmUsed++]);
                c = PwmChannel.CreateFromPin(pin, PwmFrequency, 0);
                c.Start();
                channels[pin] = c;
            }
            c.DutyCycle = dutyPermille / 1000.0;
        }
    }
}
