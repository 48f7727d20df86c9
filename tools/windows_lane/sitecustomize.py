"""Wine-only test shim, installed into the Windows Python that runs under Wine (never shipped).

Qt: Wine drops QT_* variables, so SWITCHOVER_WINLANE_FONTDIR carries QT_QPA_FONTDIR across.

Wine before 9.8 does not implement NtQuerySystemInformation(SystemProcessIdInformation), which
psutil's Process.exe() uses on Windows (psutil issue 2492): it raises OSError [WinError 87] for
every process. Fall back to QueryFullProcessImageNameW, as psutil did before 5.7.
SWITCHOVER_WINLANE_RAW_PSUTIL=1 leaves psutil as it is: the tests that show how the scan copes with
psutil's OSErrors use Wine's real ones.
"""

import os
import sys

# Wine passes no QT_* variable from the Unix environment to Windows programs; the lane names Qt's font
# folder (the offscreen platform reads fonts from a folder on Windows) under a name that gets through.
if os.environ.get("SWITCHOVER_WINLANE_FONTDIR"):
    os.environ.setdefault("QT_QPA_FONTDIR", os.environ["SWITCHOVER_WINLANE_FONTDIR"])

if sys.platform == "win32" and not os.environ.get("SWITCHOVER_WINLANE_RAW_PSUTIL"):
    try:
        import psutil
        from psutil import _pswindows
    except ImportError:  # pip runs before psutil is installed
        pass
    else:
        import ctypes
        from ctypes import wintypes

        _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        _kernel32.OpenProcess.restype = wintypes.HANDLE
        _kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
        _kernel32.QueryFullProcessImageNameW.argtypes = (
            wintypes.HANDLE, wintypes.DWORD, wintypes.LPWSTR, ctypes.POINTER(wintypes.DWORD))
        _kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
        _original_exe = _pswindows.Process.exe

        def _exe(self):
            try:
                return _original_exe(self)
            except OSError as error:
                if getattr(error, "winerror", None) != 87:
                    raise
            handle = _kernel32.OpenProcess(0x1000, False, self.pid)  # PROCESS_QUERY_LIMITED_INFORMATION
            if not handle:
                raise psutil.AccessDenied(self.pid, self._name)
            try:
                size = wintypes.DWORD(32768)
                buffer = ctypes.create_unicode_buffer(size.value)
                if not _kernel32.QueryFullProcessImageNameW(handle, 0, buffer, ctypes.byref(size)):
                    raise psutil.AccessDenied(self.pid, self._name)
                return buffer.value
            finally:
                _kernel32.CloseHandle(handle)

        _exe.cache_activate = _original_exe.cache_activate  # psutil's oneshot() caches exe()
        _exe.cache_deactivate = _original_exe.cache_deactivate
        _pswindows.Process.exe = _exe
