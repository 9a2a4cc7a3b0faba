; Inno Setup script for Haven on Windows, over the PyInstaller bundle (dist\haven).
; Build on Windows, after `pyinstaller ... packaging\pyinstaller\haven.spec` (packaging/README.md):
;   iscc /DVersion=0.1.0 packaging\windows\haven.iss
; Output: dist\Haven-<version>-setup.exe. Installs for the current user (no administrator
; rights), adds a Start-menu entry, and removes the program (never the vault) on uninstall.
; Sign the setup and haven.exe as packaging/README.md says.

#ifndef Version
  #error Pass the version: iscc /DVersion=X.Y.Z haven.iss
#endif

[Setup]
; A fixed AppId keeps upgrades in place; never change it.
AppId={{3B7C5E2A-6F1D-4C8E-9A41-2D5B7E0F9C63}
AppName=Haven
AppVersion={#Version}
AppVerName=Haven {#Version}
AppPublisher=The Haven contributors
DefaultDirName={autopf}\Haven
DefaultGroupName=Haven
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
LicenseFile=..\..\LICENSE
SetupIconFile=..\icons\haven.ico
UninstallDisplayIcon={app}\haven-app.exe
OutputDir=..\..\dist
OutputBaseFilename=Haven-{#Version}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"

[Files]
Source: "..\..\dist\haven\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; haven-app.exe is haven.exe without a console window (packaging/pyinstaller/haven.spec).
Name: "{group}\Haven"; Filename: "{app}\haven-app.exe"
Name: "{group}\Uninstall Haven"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\haven-app.exe"; Description: "Open Haven"; Flags: nowait postinstall skipifsilent
