; Inno Setup script for the Windows installer of ctpat-desktop (build it on Windows: see
; installer/README.md). Installs the PyInstaller one-folder build per user, with a Start-menu
; entry and an uninstaller; the user's data (%LOCALAPPDATA%\ctpat-desktop) is never removed.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{7B3F4C52-2E61-4C1B-9B6E-3D2A9C0E5A17}
AppName=CTPAT Validations
AppVersion={#AppVersion}
AppPublisher=ctpat-desktop developers
DefaultDirName={localappdata}\Programs\ctpat-desktop
DefaultGroupName=CTPAT Validations
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=ctpat-desktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\ctpat-desktop.ico
UninstallDisplayIcon={app}\ctpat-desktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "..\..\dist\ctpat-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\CTPAT Validations"; Filename: "{app}\ctpat-desktop.exe"
Name: "{group}\Uninstall CTPAT Validations"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\ctpat-desktop.exe"; Description: "Start CTPAT Validations"; Flags: nowait postinstall skipifsilent
