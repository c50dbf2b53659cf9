# CalmDeck: which processes have an ACTIVE Core Audio capture session, on every capture endpoint
# (not only the default: headsets are often the "communications" device). Reads no audio.
# Prints one JSON line when the set changes (and once at start):
#   {"ok":true,"sessions":[{"pid":4242,"exe":"MicroSIP.exe"}]}
# or {"ok":false,"error":"<exception type>"} when Core Audio cannot be read (CalmDeck then falls
# back to the registry). NEVER RUN ON WINDOWS YET: written from the Core Audio documentation.
param([int]$IntervalMs = 1000)
$ErrorActionPreference = 'Stop'
Add-Type -Language CSharp -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace CalmDeck {
  [ComImport, Guid("BCDE0395-E52F-467C-8E3D-C4579291692E")] class MMDeviceEnumerator {}

  [ComImport, Guid("A95664D2-9614-4F35-A746-DE8DB63617E6"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
  interface IMMDeviceEnumerator {
    int EnumAudioEndpoints(int dataFlow, int stateMask, out IMMDeviceCollection devices);
  }
  [ComImport, Guid("0BD7A1BE-7A1A-44DB-8397-CC5392387B5E"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
  interface IMMDeviceCollection {
    int GetCount(out uint count);
    int Item(uint index, out IMMDevice device);
  }
  [ComImport, Guid("D666063F-1587-4E43-81F1-B948E807363F"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
  interface IMMDevice {
    int Activate(ref Guid iid, int clsCtx, IntPtr activationParams, [MarshalAs(UnmanagedType.IUnknown)] out object result);
  }
  [ComImport, Guid("77AA99A0-1BD6-484F-8BC7-2C654C9A9B6F"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
  interface IAudioSessionManager2 {
    int GetAudioSessionControl(IntPtr sessionGuid, uint flags, out IntPtr control);
    int GetSimpleAudioVolume(IntPtr sessionGuid, uint flags, out IntPtr volume);
    int GetSessionEnumerator(out IAudioSessionEnumerator sessions);
  }
  [ComImport, Guid("E2F5BB11-0570-40CA-ACDD-3AA01277DEE8"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
  interface IAudioSessionEnumerator {
    int GetCount(out int count);
    int GetSession(int index, out IAudioSessionControl2 session);
  }
  // IAudioSessionControl's methods first (GetState is the first), then IAudioSessionControl2's.
  [ComImport, Guid("BFB7FF88-7239-4FC9-8FA2-07C950BE9C6D"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
  interface IAudioSessionControl2 {
    int GetState(out int state);
    int GetDisplayName(out IntPtr name);
    int SetDisplayName(IntPtr name, IntPtr context);
    int GetIconPath(out IntPtr path);
    int SetIconPath(IntPtr path, IntPtr context);
    int GetGroupingParam(out Guid group);
    int SetGroupingParam(ref Guid group, IntPtr context);
    int RegisterAudioSessionNotification(IntPtr client);
    int UnregisterAudioSessionNotification(IntPtr client);
    int GetSessionIdentifier(out IntPtr id);
    int GetSessionInstanceIdentifier(out IntPtr id);
    int GetProcessId(out uint pid);
  }

  public static class Capture {
    const int eCapture = 1, DEVICE_STATE_ACTIVE = 1, CLSCTX_ALL = 23, AudioSessionStateActive = 1;

    /** Process ids with an active session on any active capture endpoint. */
    public static uint[] ActivePids() {
      var found = new SortedSet<uint>();
      var enumerator = (IMMDeviceEnumerator)new MMDeviceEnumerator();
      IMMDeviceCollection devices;
      Marshal.ThrowExceptionForHR(enumerator.EnumAudioEndpoints(eCapture, DEVICE_STATE_ACTIVE, out devices));
      uint count;
      Marshal.ThrowExceptionForHR(devices.GetCount(out count));
      var iid = typeof(IAudioSessionManager2).GUID;
      for (uint i = 0; i < count; i++) {
        IMMDevice device;
        if (devices.Item(i, out device) != 0) continue;
        object manager;
        if (device.Activate(ref iid, CLSCTX_ALL, IntPtr.Zero, out manager) != 0) continue;
        IAudioSessionEnumerator sessions;
        if (((IAudioSessionManager2)manager).GetSessionEnumerator(out sessions) != 0) continue;
        int n;
        if (sessions.GetCount(out n) != 0) continue;
        for (int s = 0; s < n; s++) {
          IAudioSessionControl2 session;
          if (sessions.GetSession(s, out session) != 0) continue;
          int state; uint pid;
          if (session.GetState(out state) == 0 && state == AudioSessionStateActive &&
              session.GetProcessId(out pid) == 0 && pid != 0) found.Add(pid);
        }
      }
      var result = new uint[found.Count];
      found.CopyTo(result);
      return result;
    }
  }
}
'@

$last = $null
while ($true) {
  try {
    $sessions = @(foreach ($id in [CalmDeck.Capture]::ActivePids()) {
      $exe = $null
      try { $exe = (Get-Process -Id $id -ErrorAction Stop).ProcessName + '.exe' } catch { }
      if ($exe) { [ordered]@{ pid = [int]$id; exe = $exe } }
    })
    $line = ConvertTo-Json -Compress -Depth 3 @{ ok = $true; sessions = @($sessions) }
  } catch {
    $line = ConvertTo-Json -Compress @{ ok = $false; error = $_.Exception.GetType().Name }
  }
  if ($line -ne $last) { [Console]::Out.WriteLine($line); [Console]::Out.Flush(); $last = $line }
  Start-Sleep -Milliseconds $IntervalMs
}
