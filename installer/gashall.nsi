; NSIS installer for GasHall (Chinese + English). From the repository root, after PyInstaller:
;     makensis /DVERSION=0.1.0 installer\gashall.nsi      (gives dist\GasHall-0.1.0-setup.exe)
Unicode true
!include "MUI2.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "Pass the version: makensis /DVERSION=0.1.0 installer\gashall.nsi"
!endif
!ifndef DIST
  !define DIST "..\dist\GasHall"  ; PyInstaller's one-folder output, relative to this script
!endif
!define REG_KEY "Software\GasHall"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\GasHall"

Name "GasHall ${VERSION}"
OutFile "..\dist\GasHall-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\GasHall"
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!define MUI_ABORTWARNING
!if /FileExists "..\resources\images\gashall.ico"
  !define MUI_ICON "..\resources\images\gashall.ico"
!endif
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\GasHall.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback; otherwise the installer follows Windows' display language.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString DESCRIPTION ${LANG_SIMPCHINESE} "燃气营业厅"
LangString DESCRIPTION ${LANG_ENGLISH} "Gas utility customer service hall"
LangString NEEDS_X64 ${LANG_SIMPCHINESE} "GasHall 需要 64 位 Windows。"
LangString NEEDS_X64 ${LANG_ENGLISH} "GasHall needs 64-bit Windows."
LangString DATA_KEPT ${LANG_SIMPCHINESE} "您的数据（%LOCALAPPDATA%\GasHall）已保留。"
LangString DATA_KEPT ${LANG_ENGLISH} "Your data (%LOCALAPPDATA%\GasHall) has been kept."

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(NEEDS_X64)"
    Abort
  ${EndIf}
  SetRegView 64
  ReadRegStr $0 HKLM "${REG_KEY}" "InstallDir"  ; an upgrade goes where the last install went
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
FunctionEnd

Section "GasHall"
  SectionIn RO
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"  ; an upgrade must not keep the old version's libraries
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  SetShellVarContext all
  CreateDirectory "$SMPROGRAMS\GasHall"
  CreateShortcut "$SMPROGRAMS\GasHall\GasHall.lnk" "$INSTDIR\GasHall.exe" "" "" 0 SW_SHOWNORMAL "" "$(DESCRIPTION)"
  CreateShortcut "$SMPROGRAMS\GasHall\Uninstall GasHall.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\GasHall.lnk" "$INSTDIR\GasHall.exe" "" "" 0 SW_SHOWNORMAL "" "$(DESCRIPTION)"

  WriteRegStr HKLM "${REG_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "GasHall 燃气营业厅"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "GasHall"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\GasHall.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

; Removes only what the installer put there. The user's data folder (database, backups, settings,
; logs under %LOCALAPPDATA%\GasHall) is left alone: uninstalling must never lose a hall's records.
Section "Uninstall"
  SetShellVarContext all
  Delete "$DESKTOP\GasHall.lnk"
  RMDir /r "$SMPROGRAMS\GasHall"
  Delete "$INSTDIR\GasHall.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir /r "$INSTDIR\_internal"
  RMDir "$INSTDIR"  ; not /r: the folder goes only if nothing else is in it
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${REG_KEY}"
  DetailPrint "$(DATA_KEPT)"
SectionEnd
