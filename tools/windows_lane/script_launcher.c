/* A real Windows program that runs the Python script beside it: NAME.exe runs NAME.py with the
   interpreter named on the script's first line ("#!C:\Python311\python.exe"), passes its own
   arguments on unchanged and exits with the script's exit code. Test use only: the removal tests'
   fake uninstallers are such scripts, and on Windows an uninstaller must be an .exe.
   The script runs in a job object that dies with the launcher, so killing NAME.exe (TerminateProcess,
   taskkill /F) kills the script as it would kill a real uninstaller. */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

static wchar_t *arguments_after_program(wchar_t *line) {
    int quoted = 0;
    for (; *line && (quoted || (*line != L' ' && *line != L'\t')); line++)
        if (*line == L'"') quoted = !quoted;
    while (*line == L' ' || *line == L'\t') line++;
    return line;
}

int wmain(void) {
    static wchar_t script[MAX_PATH + 4], interpreter[MAX_PATH], command[32768];
    DWORD length = GetModuleFileNameW(NULL, script, MAX_PATH);
    if (length < 5 || length >= MAX_PATH) return 120;
    wcscpy(script + length - 4, L".py");

    FILE *file = _wfopen(script, L"rb");
    char first[MAX_PATH * 3] = {0};
    if (!file) return 121;
    if (!fgets(first, sizeof first, file) || first[0] != '#' || first[1] != '!') { fclose(file); return 122; }
    fclose(file);
    first[strcspn(first, "\r\n")] = 0;
    if (!MultiByteToWideChar(CP_UTF8, 0, first + 2, -1, interpreter, MAX_PATH)) return 123;

    _snwprintf(command, 32767, L"\"%ls\" \"%ls\" %ls", interpreter, script,
               arguments_after_program(GetCommandLineW()));
    HANDLE job = CreateJobObjectW(NULL, NULL);
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = {0};
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);

    STARTUPINFOW startup = {sizeof startup};
    PROCESS_INFORMATION child;
    if (!CreateProcessW(interpreter, command, NULL, NULL, TRUE, CREATE_SUSPENDED, NULL, NULL, &startup, &child))
        return 124;
    AssignProcessToJobObject(job, child.hProcess);
    ResumeThread(child.hThread);
    CloseHandle(child.hThread);
    WaitForSingleObject(child.hProcess, INFINITE);
    DWORD code = 125;
    GetExitCodeProcess(child.hProcess, &code);
    return (int)code;
}
